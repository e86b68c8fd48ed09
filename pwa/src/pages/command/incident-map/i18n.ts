// The incident areas' messages (the command center's map), in Bahasa Indonesia and English.
import { addMessages } from "../../../i18n";
import id from "./i18n/id.json";
import en from "./i18n/en.json";

addMessages({ id, en });
