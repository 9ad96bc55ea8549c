/**
 * The few browser globals the tests touch inside `page.evaluate` and init scripts, typed here
 * because tsconfig.node.json (which checks test/) has no DOM library. Use them as
 * `globalThis as unknown as PageGlobals`: a cast is erased, so the function still runs in the page.
 */
export interface PageElement {
  id: string;
  scrollTop: number;
  textContent: string | null;
  getAttribute(name: string): string | null;
}

export interface AxeResult {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

export interface PageGlobals {
  document: {
    activeElement: PageElement | null;
    body: PageElement;
    documentElement: { lang: string };
    querySelector(selector: string): PageElement | null;
  };
  getComputedStyle(element: PageElement): { outlineStyle: string };
  requestAnimationFrame(callback: (now: number) => void): number;
  performance: { now(): number };
  axe?: { run(context: unknown, options: object): Promise<AxeResult> };
  /** For a simulated drop: a DataTransfer holding a File (see scenarios/projects.ts). */
  DataTransfer: new () => { items: { add(file: object): unknown } };
  File: new (parts: string[], name: string) => object;
  __chatImporterCall: (name: string, request: unknown) => Promise<unknown>;
  __chatImporterEmit?: (event: unknown) => void;
}
