import t000 from "../../seeds/000_69549e5ee19b2057.txt";
import t001 from "../../seeds/001_611cdcc4601a164a.txt";
import t002 from "../../seeds/002_e31f21e6a8727a96.txt";
import t003 from "../../seeds/003_71655319e5e2fa5c.txt";
import t004 from "../../seeds/004_23dbc6410858588b.txt";

/** The five seed documents, bundled as text (webpack asset/source) so the pane works offline. */
export const SEED_TEXTS: Record<string, string> = {
  "000_69549e5ee19b2057.txt": t000,
  "001_611cdcc4601a164a.txt": t001,
  "002_e31f21e6a8727a96.txt": t002,
  "003_71655319e5e2fa5c.txt": t003,
  "004_23dbc6410858588b.txt": t004,
};
