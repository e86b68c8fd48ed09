// The attributes a service's form asks for: a table in form order, editing one in place, adding one.
import { useState } from "preact/hooks";
import { localized } from "../../api/catalog";
import { Empty } from "../../components/Status";
import { t } from "../../i18n";
import { AdminTable, EditableRow } from "./AdminTable";
import type { Service, ServiceAttribute } from "./api";
import { AttributeForm } from "./AttributeForm";

interface Props {
  service: Service;
  onSaved: (service: Service, message: string) => void;
}

const byOrder = (a: ServiceAttribute, b: ServiceAttribute) => a.order - b.order;

export function AttributeEditor({ service, onSaved }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const attributes = [...service.attributes].sort(byOrder);

  function focusLater(id: string) {
    window.setTimeout(() => document.getElementById(id)?.focus());
  }

  function saved(next: Service, code: string, added: boolean) {
    setEditing(null);
    setAdding(false);
    onSaved(
      next,
      t(added ? "admin.attribute.added" : "admin.attribute.saved", { code }),
    );
    focusLater(`edit-attribute-${code}`);
  }

  return (
    <>
      <h2 id="attributes-title">{t("admin.attribute.title")}</h2>
      <p class="hint">{t("admin.attribute.lead")}</p>
      {attributes.length === 0 ? (
        <Empty>{t("admin.attribute.empty")}</Empty>
      ) : null}
      {attributes.length ? (
        <AdminTable
          labelledBy="attributes-title"
          columns={[
            t("admin.attribute.order"),
            t("admin.attribute.label"),
            t("admin.attribute.datatype"),
            t("admin.users.status"),
          ]}
          actions
        >
          {attributes.map((attribute) => (
            <EditableRow
              key={attribute.code}
              buttonId={`edit-attribute-${attribute.code}`}
              label={t("admin.attribute.editOne", { code: attribute.code })}
              editing={editing === attribute.code}
              onEdit={() => setEditing(attribute.code)}
              span={5}
              editor={
                <AttributeForm
                  service={service.code}
                  attribute={attribute}
                  onSaved={(next) => saved(next, attribute.code, false)}
                  onCancel={() => {
                    setEditing(null);
                    focusLater(`edit-attribute-${attribute.code}`);
                  }}
                />
              }
            >
              <td data-label={t("admin.attribute.order")}>{attribute.order}</td>
              <td>
                {localized(attribute.label)}
                <br />
                <code class="muted admin-small">{attribute.code}</code>
              </td>
              <td>
                {t(`admin.datatype.${attribute.datatype}`)}
                {attribute.values ? (
                  <span class="muted admin-small">
                    {" "}
                    (
                    {attribute.values
                      .map((value) => localized(value.name))
                      .join(", ")}
                    )
                  </span>
                ) : null}
              </td>
              <td>
                {attribute.required ? (
                  <span class="badge">{t("admin.attribute.required")}</span>
                ) : null}{" "}
                {attribute.is_public ? null : (
                  <span class="badge">{t("admin.attribute.private")}</span>
                )}{" "}
                {attribute.is_active ? null : (
                  <span class="badge badge-overdue">{t("admin.inactive")}</span>
                )}
              </td>
            </EditableRow>
          ))}
        </AdminTable>
      ) : null}
      {adding ? (
        <AttributeForm
          service={service.code}
          nextOrder={
            attributes.length
              ? Math.max(...attributes.map((one) => one.order)) + 1
              : 0
          }
          onSaved={(next, code) => saved(next, code, true)}
          onCancel={() => {
            setAdding(false);
            focusLater("add-attribute");
          }}
        />
      ) : (
        <button
          id="add-attribute"
          type="button"
          class="btn"
          onClick={() => setAdding(true)}
        >
          {t("admin.attribute.add")}
        </button>
      )}
    </>
  );
}
