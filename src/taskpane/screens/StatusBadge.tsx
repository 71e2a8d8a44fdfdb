import type { Lang } from "../../i18n/messages";
import type { Status } from "../../model";
import { STATUS_VOCABULARY, statusLabel } from "../../evaluate/vocabulary";

export function StatusBadge(props: { status: Status; lang: Lang }) {
  const s = STATUS_VOCABULARY[props.status];
  return (
    <span data-status={props.status} style={{ background: `#${s.fill}`, color: `#${s.font}`, padding: "1px 6px", borderRadius: 4, fontWeight: 600, whiteSpace: "nowrap" }}>
      {statusLabel(props.status, props.lang)}
    </span>
  );
}
