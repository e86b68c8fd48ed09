// The report flow's messages join the tables when its chunk loads.
import { addMessages } from "../../i18n";
import id from "./i18n/id.json";
import en from "./i18n/en.json";

addMessages({ id, en });
