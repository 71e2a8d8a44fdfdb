import { createRoot } from "react-dom/client";
import { App } from "./App";
import { buildCatalog } from "../parse/catalog";
import { SEED_TEXTS } from "./seedTexts";
import { detectPlatform, preference } from "./platform";
import { previewHost } from "../hosts/preview/previewHost";
import { excelHost } from "../hosts/office/host";
import type { Lang } from "../i18n/messages";

/** Start-up: pick the host (Excel inside Office, the in-browser preview elsewhere), read the seeds, render. */
async function start(): Promise<void> {
  const root = createRoot(document.getElementById("root")!);
  const platform = await detectPlatform();
  const { catalog } = buildCatalog((file) => SEED_TEXTS[file] ?? "");
  const lang: Lang = preference("lang") === "en" ? "en" : "vi";
  document.documentElement.lang = lang;
  root.render(<App catalog={catalog} host={platform === "excel" ? excelHost() : previewHost()} initialLang={lang} />);
  document.body.dataset.ready = platform;
}

void start();
