// The command center chunk (operators and admins): one screen at /command.
import "./i18n";

export { CommandCenter } from "./CommandCenter";
