// An admin table in a scrollable, focusable region (a hidden caption, or a heading outside that
// names it; the column headers; for rows with buttons, an unlabelled actions column), its rows with
// an editor opened in place, and the active/inactive badge.
import type { ComponentChildren } from "preact";
import { t } from "../../i18n";

interface Props {
  /** The id of the element that names the table: its caption when one is given. */
  labelledBy: string;
  caption?: string;
  columns: string[];
  /** Adds the last column, whose header is read but not shown. */
  actions?: boolean;
  children: ComponentChildren;
}

export function AdminTable({
  labelledBy,
  caption,
  columns,
  actions = false,
  children,
}: Props) {
  return (
    <div
      class="table-wrap"
      role="region"
      aria-labelledby={labelledBy}
      tabIndex={0}
    >
      <table class="admin-table">
        {caption ? (
          <caption id={labelledBy} class="visually-hidden">
            {caption}
          </caption>
        ) : null}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actions ? (
              <th scope="col">
                <span class="visually-hidden">{t("admin.actions")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

interface RowProps {
  /** The "Ubah" button's id: the list gives the focus back to it when the editor closes. */
  buttonId: string;
  /** The button's accessible name ("Ubah Bapenda"). */
  label: string;
  editing: boolean;
  onEdit: () => void;
  /** How many columns the editor spans (the whole table). */
  span: number;
  editor: ComponentChildren;
  /** The row's cells before its button. */
  children: ComponentChildren;
}

/** A row ending in its "Ubah" button, with the editor opened in place under it. */
export function EditableRow(props: RowProps) {
  return (
    <>
      <tr>
        {props.children}
        <td>
          <button
            type="button"
            id={props.buttonId}
            class="btn btn-small"
            aria-expanded={props.editing}
            aria-label={props.label}
            onClick={props.onEdit}
          >
            {t("admin.edit")}
          </button>
        </td>
      </tr>
      {props.editing ? (
        <tr class="admin-editor-row">
          <td colSpan={props.span}>{props.editor}</td>
        </tr>
      ) : null}
    </>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  return (
    <span class={active ? "badge badge-ok" : "badge badge-overdue"}>
      {t(active ? "admin.active" : "admin.inactive")}
    </span>
  );
}
