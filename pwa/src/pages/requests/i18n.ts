// The request screens' messages (also used by StatusBadge and Timeline, which staff screens share).
import { addMessages } from "../../i18n";
import id from "./i18n/id.json";
import en from "./i18n/en.json";

addMessages({ id, en });
