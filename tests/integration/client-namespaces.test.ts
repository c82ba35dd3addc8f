import path from "node:path";
import { describe, expect, it } from "vitest";
import { zhCN } from "../../lib/i18n/messages/zh-CN";
import { clientNamespaces, providedIn, providedTo, routeFiles } from "../support/client-namespaces";

const root = path.resolve(__dirname, "../..");
const appDir = path.join(root, "app");
const topLevel = new Set(Object.keys(zhCN));

describe("the catalogue namespaces each page gives its client components", () => {
  const routes = routeFiles(appDir);

  it("finds the route files and the client components they render", () => {
    expect(routes.length).toBeGreaterThan(20);
    const inquire = clientNamespaces(root, path.join(appDir, "(public)/inquire/page.tsx"), topLevel);
    expect(inquire.get("components/inquiry/inquiry-form.tsx")).toContain("inquiry");
    expect(providedIn(path.join(appDir, "layout.tsx"))).toEqual(["errors"]);
  });

  it.each(routes.map((file) => [path.relative(root, file), file]))(
    "%s provides every namespace its client components use",
    (_, file) => {
      const provided = new Set(providedTo(appDir, file));
      const missing = [...clientNamespaces(root, file, topLevel)].flatMap(([component, names]) =>
        names.filter((name) => !provided.has(name)).map((name) => `${component}: ${name}`),
      );
      expect(missing).toEqual([]);
    },
  );

  it("names only namespaces that exist", () => {
    const unknown = routes.flatMap((file) =>
      providedIn(file)
        .filter((name) => !topLevel.has(name))
        .map((name) => `${path.relative(root, file)}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it("lists no namespace that no client component below it uses", () => {
    const unused = routes.flatMap((file) => {
      const below = routes.filter((other) => other.startsWith(path.dirname(file) + path.sep));
      const needed = new Set(below.flatMap((other) => [...clientNamespaces(root, other, topLevel).values()].flat()));
      return providedIn(file)
        .filter((name) => !needed.has(name))
        .map((name) => `${path.relative(root, file)}: ${name}`);
    });
    expect(unused).toEqual([]);
  });

  it("gives a public page a small part of the catalogue, not all of it", () => {
    const whole = Buffer.byteLength(JSON.stringify(zhCN));
    const listing = providedTo(appDir, path.join(appDir, "(public)/listings/[id]/page.tsx"));
    const sent = Buffer.byteLength(
      JSON.stringify(Object.fromEntries(listing.map((name) => [name, zhCN[name as keyof typeof zhCN]]))),
    );
    expect(sent).toBeLessThan(whole / 5);
  });
});
