import { describe, expect, it } from "vitest";
import { checkImportFile, IMPORT_MAX_BYTES } from "@/components/leads/import/file-check";
import { columnLetter, columnsOfMapping, mappingOfColumns } from "@/components/leads/import/mapping-values";
import { repeatedRow, rowChoices } from "@/components/leads/import/row-choices";
import { importMappingSchema } from "@/lib/leads/import/schema";
import { MAX_IMPORT_BYTES } from "@/lib/leads/import/file";

/*
 * The import pages' own rules: what a preview row may become, how the mapping form's values meet
 * the action's schema, and the browser's look at a file before it is sent.
 */

describe("a preview row's choices", () => {
  it("lets a row with errors, or one repeating an earlier row's phone, only be skipped", () => {
    expect(rowChoices({ hasErrors: true, matchBy: null, repeat: false })).toEqual(["SKIP"]);
    expect(rowChoices({ hasErrors: true, matchBy: "phone", repeat: false })).toEqual(["SKIP"]);
    expect(rowChoices({ hasErrors: false, matchBy: null, repeat: true })).toEqual(["SKIP"]);
  });

  it("never offers a second lead for a phone the workspace has, but does for a same-named company", () => {
    expect(rowChoices({ hasErrors: false, matchBy: "phone", repeat: false })).toEqual(["MERGE", "SKIP"]);
    expect(rowChoices({ hasErrors: false, matchBy: "company", repeat: false })).toEqual(["MERGE", "CREATE", "SKIP"]);
    expect(rowChoices({ hasErrors: false, matchBy: null, repeat: false })).toEqual(["CREATE", "SKIP"]);
  });

  it("reads the earlier row's number from a repeat's reason, and nothing from other reasons", () => {
    expect(repeatedRow("repeatOf:12")).toBe(12);
    expect(repeatedRow("phoneTaken")).toBeNull();
    expect(repeatedRow(null)).toBeNull();
  });
});

describe("the mapping form's values", () => {
  it("start from the job's mapping, one select per column, and go back as the schema reads them", () => {
    const columns = columnsOfMapping(4, { "0": "company", "2": "phone", "3": "contactName" });
    expect(columns).toEqual(["company", "", "phone", "contactName"]);
    const parsed = importMappingSchema.safeParse(mappingOfColumns(columns));
    expect(parsed.success && parsed.data).toEqual({ "0": "company", "2": "phone", "3": "contactName" });
  });

  it("put a field chosen twice on both columns and a missing required field on the form", () => {
    const parsed = importMappingSchema.safeParse(mappingOfColumns(["company", "company", "phone"]));
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ["0", "fieldTwice"],
        ["1", "fieldTwice"],
        ["", "requiredFields"],
      ]),
    );
  });

  it("name columns as Excel does", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});

describe("the browser's look at a chosen file", () => {
  it("takes .xlsx and .csv up to the server's limit, and says why otherwise", () => {
    expect(IMPORT_MAX_BYTES).toBe(MAX_IMPORT_BYTES);
    expect(checkImportFile({ name: "台账.xlsx", size: 1000 })).toBeNull();
    expect(checkImportFile({ name: "LEADS.CSV", size: MAX_IMPORT_BYTES })).toBeNull();
    expect(checkImportFile({ name: "台账.xls", size: 1000 })).toBe("wrongType");
    expect(checkImportFile({ name: "leads.csv.txt", size: 1000 })).toBe("wrongType");
    expect(checkImportFile({ name: "leads.csv", size: MAX_IMPORT_BYTES + 1 })).toBe("tooLarge");
  });
});
