/**
 * @file The reporting cycle's actions for the pane: split the workbook into one form per agency, download them
 * (each, or all in a .zip), read returned forms and list what they bring, write it into the workbook. Each result
 * is a notice beside the action that produced it.
 */
import { useState } from "react";
import type { Catalog } from "../model";
import type { WorkbookHost } from "../hosts/host";
import type { PreviewHost } from "../hosts/preview/previewHost";
import type { Entries } from "../sheets/indicatorSheet";
import type { SheetPlan } from "../sheets/plan";
import { nowVi, todayVi } from "../sheets/workbook";
import { refreshWorkbook } from "../sheets/merge";
import { splitMaster, type AgencyForm } from "../sheets/forms";
import { newKey } from "../sheets/signing";
import type { Collected, ReturnedForm } from "../sheets/collect";
import { t } from "./strings";
import type { Lang } from "../i18n/messages";
import type { Notice, Slot } from "./notice";

export interface CycleContext {
  host: WorkbookHost;
  preview: PreviewHost | null;
  catalog: Catalog;
  lang: Lang;
  protect: boolean;
  busyWith: (label: string, at: Slot, action: () => Promise<void>) => Promise<void>;
  tell: (n: Omit<Notice, "seq"> | null) => void;
  setPlan: (p: SheetPlan | null) => void;
  setEntries: (e: Entries) => void;
}

export interface Cycle {
  /** The agencies' forms split off the workbook, ready to download. */
  forms: AgencyForm[];
  split: () => Promise<void>;
  downloadForm: (file: string) => Promise<void>;
  downloadForms: () => Promise<void>;
  /** Reads returned forms and lists what they bring; nothing is written until applyCollect. */
  readForms: (files: File[]) => Promise<void>;
  pendingCollect: Collected | null;
  applyCollect: () => Promise<void>;
}

/** Saves a blob as a download. */
export function save(blob: Blob, name: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function useCycle(c: CycleContext): Cycle {
  const { host, preview, catalog, lang, protect, busyWith, tell } = c;
  const [forms, setForms] = useState<AgencyForm[]>([]);
  const [pendingCollect, setPendingCollect] = useState<Collected | null>(null);
  const [returned, setReturned] = useState<ReturnedForm[]>([]);

  const split = () =>
    busyWith(t(lang, "splitting"), "split", async () => {
      tell(null);
      const d = new Date();
      const existing = await host.readWorkbook();
      const refresh = refreshWorkbook(catalog, existing, { asOf: todayVi(d), tolerance: 0.05, now: nowVi(d), protect });
      // The key is drawn at the first split and kept in the workbook's hidden ledger sheet, never in a form.
      const result = splitMaster(catalog, existing, refresh, { now: nowVi(d), masterFile: t(lang, "title"), newKey: existing.ledger ? undefined : newKey() });
      if (result.error) {
        setForms([]);
        tell({ kind: "error", at: "split", title: { key: "splitTitle" }, lines: [result.error] });
        return;
      }
      // The ledger is written before any form can be downloaded: a form the workbook has no record of is refused.
      if (result.ledger && result.forms.length > 0) await host.recordLedger(result.ledger);
      setForms(result.forms);
      tell({ kind: "success", at: "split", title: { key: "splitTitle" }, lines: [{ key: "splitDone", params: { n: result.forms.length } }] });
    });

  const downloadForm = (file: string) =>
    busyWith(t(lang, "downloading"), "split", async () => {
      const form = forms.find((f) => f.file === file);
      if (!form) return;
      const { formBytes } = await import(/* webpackChunkName: "xlsx-host" */ "../hosts/xlsx/forms");
      save(new Blob([await formBytes(form.plan)], { type: XLSX }), form.file);
    });
  const downloadForms = () =>
    busyWith(t(lang, "downloading"), "split", async () => {
      const { formsZip } = await import(/* webpackChunkName: "xlsx-host" */ "../hosts/xlsx/forms");
      const bytes = await formsZip(forms);
      save(new Blob([bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer], { type: "application/zip" }), "phieu-bao-cao.zip");
    });

  const readForms = (files: File[]) =>
    busyWith(t(lang, "collecting"), "collect", async () => {
      tell(null);
      const { readFormBytes } = await import(/* webpackChunkName: "xlsx-host" */ "../hosts/xlsx/forms");
      const read: ReturnedForm[] = [];
      const unreadable: string[] = [];
      for (const f of files) {
        try {
          read.push(await readFormBytes(f.name, new Uint8Array(await f.arrayBuffer())));
        } catch (e) {
          unreadable.push(`${f.name}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      const d = new Date();
      const { collected } = await host.collect(catalog, read, { asOf: todayVi(d), tolerance: 0.05, now: nowVi(d), protect, dryRun: true });
      const refused = unreadable.map((u) => ({ form: u.split(":")[0]!, sheet: "", cell: "", vi: `không đọc được như một tệp .xlsx (${u})`, en: `cannot be read as an .xlsx file (${u})` }));
      setReturned(read);
      setPendingCollect({ ...collected, refused: [...collected.refused, ...refused] });
    });

  const applyCollect = () =>
    busyWith(t(lang, "refreshing"), "collect", async () => {
      const d = new Date();
      const { collected, refresh } = await host.collect(catalog, returned, { asOf: todayVi(d), tolerance: 0.05, now: nowVi(d), protect, dryRun: false });
      setPendingCollect(null);
      if (refresh) {
        c.setPlan(preview ? preview.plan() : refresh.plan);
        c.setEntries(await host.readEntries());
      }
      tell({
        kind: collected.refused.length || collected.conflicts.length ? "warning" : "success",
        at: "collect",
        title: { key: "collectTitle" },
        lines: [refresh ? { key: "collectDone", params: { n: collected.edits.length, b: refresh.backedUp } } : { key: "noChanges" }],
      });
    });

  return { forms, split, downloadForm, downloadForms, readForms, pendingCollect, applyCollect };
}
