// The outbox's messages, needed wherever the outbox list shows (report and "my requests" screens).
import { addMessages } from "../i18n";
import id from "./i18n/id.json";
import en from "./i18n/en.json";

addMessages({ id, en });
