export * from "./target";
export * from "./indicator";
export * from "./plan";
export * from "./ids";
export * from "./status";
