// A modal question before something that cannot be taken back (alerting the whole city,
// cancelling a campaign): the browser's <dialog> keeps focus inside and closes on Escape.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

interface Props {
  open: boolean;
  title: string;
  confirm: string;
  cancel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ComponentChildren;
}

export function ConfirmDialog(props: Props) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);

  return (
    <dialog
      ref={ref}
      class="campaign-dialog"
      aria-labelledby="campaign-dialog-title"
      onClose={() => {
        if (props.open) props.onCancel();
      }}
    >
      <h2 id="campaign-dialog-title">{props.title}</h2>
      {props.children}
      <div class="row">
        <button
          type="button"
          class={props.danger ? "btn btn-danger" : "btn btn-primary"}
          onClick={props.onConfirm}
        >
          {props.confirm}
        </button>
        {/* The safe answer has the focus, so that Enter alone never sends or cancels. */}
        <button type="button" class="btn" autoFocus onClick={props.onCancel}>
          {props.cancel}
        </button>
      </div>
    </dialog>
  );
}
