import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import { createListing, updateListing } from "@/lib/inventory/offers/mutations";
import { setUnitAvailability } from "@/lib/inventory/register/unit-mutations";
import { setListingPublished } from "@/lib/listings/admin/mutations";
import { listingForEdit, listListingsForStaff } from "@/lib/listings/admin/queries";
import { matchingListings } from "@/lib/leads/detail/matching";
import {
  addListingPhoto,
  removeListingPhoto,
  reorderListingPhotos,
  updateListingPhotoAlt,
} from "@/lib/listings/photos/mutations";
import { latestListings, publicListingById, searchListings } from "@/lib/listings/queries";
import { createPark, updatePark } from "@/lib/parks/mutations";
import { listParks, parkForEdit, parkOwnerOptions } from "@/lib/parks/queries";
import { localDiskStorage } from "@/lib/storage/local-disk";
import type { Storage } from "@/lib/storage/storage";
import { factoryLease as leaseInput } from "../support/listing-inputs";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";

let counter = 0;
const unique = (label: string) => `${label}-${process.pid}-${++counter}`;
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

const factoryLease = (parkId: string, overrides: Record<string, unknown> = {}) =>
  leaseInput(parkId, unique("测试厂房"), overrides);

/** The edit form's fields of a listing input with its units: publication has its own door. */
function asEdit(input: Record<string, unknown>, id: string, updatedAt: string, unitIds: string[]) {
  const fields: Record<string, unknown> = { ...input, id, updatedAt, unitIds };
  delete fields.published;
  return fields;
}

function listingsAdminSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let storage: Storage;
  let storageDir: string;
  let parkId: string;
  const viewers = {} as Record<"staff" | "manager" | "admin", Viewer>;
  let deactivatedId: string;

  async function makeUser(role: Role, active = true) {
    const user = await opened.db.user.create({
      data: { email: `${unique(role.toLowerCase())}@park.test`, name: `${role} 测试`, role, active, passwordHash: "x" },
    });
    return { id: user.id, email: user.email, name: user.name, role };
  }
  async function newListing(overrides: Record<string, unknown> = {}) {
    const input = factoryLease(parkId, overrides);
    const created = await createListing(opened.db, viewers.staff, input);
    if (!created.ok) throw new Error(`createListing failed: ${JSON.stringify(created.fieldErrors)}`);
    const units = await opened.db.unit.findMany({ where: { listingId: created.id }, select: { id: true } });
    return { ...created, input, unitIds: units.map((unit) => unit.id) };
  }
  const photoFile = (bytes: Uint8Array<ArrayBuffer>, name: string, type: string) => new File([bytes], name, { type });
  const storedFiles = async (listingId: string) =>
    readdir(path.join(storageDir, "listings", listingId)).catch(() => [] as string[]);

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    storageDir = await mkdtemp(path.join(tmpdir(), "parklead-listing-photos-"));
    storage = localDiskStorage(storageDir);
    parkId = (await opened.db.park.findUniqueOrThrow({ where: { slug: "pinghu-zhangjiang" } })).id;
    viewers.staff = await makeUser("STAFF");
    viewers.manager = await makeUser("MANAGER");
    viewers.admin = await makeUser("ADMIN");
    deactivatedId = (await makeUser("STAFF", false)).id;
  });
  afterAll(async () => {
    await cleanup?.();
    await rm(storageDir, { recursive: true, force: true });
  });

  describe("who may do what", () => {
    type Door = (viewer: Viewer | null) => Promise<unknown>;
    const listingDoors: Record<string, Door> = {
      createListing: (viewer) => createListing(opened.db, viewer, factoryLease(parkId)),
      updateListing: async (viewer) => {
        const { id, updatedAt, input, unitIds } = await newListing();
        return updateListing(opened.db, viewer, asEdit({ ...input, title: unique("改名") }, id, updatedAt, unitIds));
      },
      setListingPublished: async (viewer) =>
        setListingPublished(opened.db, viewer, { id: (await newListing()).id, published: true }),
      listListingsForStaff: (viewer) => listListingsForStaff(opened.db, viewer, {}),
      listingForEdit: async (viewer) => listingForEdit(opened.db, viewer, (await newListing()).id),
      addListingPhoto: async (viewer) =>
        addListingPhoto(
          opened.db,
          viewer,
          { listingId: (await newListing()).id, file: photoFile(PNG, "a.png", "image/png") },
          storage,
        ),
      removeListingPhoto: async (viewer) => {
        const added = await addListingPhoto(
          opened.db,
          viewers.staff,
          { listingId: (await newListing()).id, file: photoFile(PNG, "a.png", "image/png") },
          storage,
        );
        if (!added.ok) throw new Error("upload failed");
        return removeListingPhoto(opened.db, viewer, { photoId: added.id }, storage);
      },
      reorderListingPhotos: async (viewer) =>
        reorderListingPhotos(opened.db, viewer, { listingId: (await newListing()).id, photoIds: [] }),
      updateListingPhotoAlt: async (viewer) => {
        const added = await addListingPhoto(
          opened.db,
          viewers.staff,
          { listingId: (await newListing()).id, file: photoFile(PNG, "a.png", "image/png") },
          storage,
        );
        if (!added.ok) throw new Error("upload failed");
        return updateListingPhotoAlt(opened.db, viewer, { photoId: added.id, alt: "新说明" });
      },
      listParks: (viewer) => listParks(opened.db, viewer),
    };
    const parkDoors: Record<string, Door> = {
      createPark: (viewer) => createPark(opened.db, viewer, parkInput()),
      updatePark: async (viewer) => {
        const park = await opened.db.park.findUniqueOrThrow({ where: { slug: "dushangang" } });
        return updatePark(opened.db, viewer, {
          ...(await parkValues(park.id)),
          id: park.id,
          updatedAt: park.updatedAt.toISOString(),
          operatorName: unique("运营方"),
        });
      },
      parkForEdit: (viewer) => parkForEdit(opened.db, viewer, parkId),
      parkOwnerOptions: (viewer) => parkOwnerOptions(opened.db, viewer),
    };
    const callers = ["anonymous", "staff", "manager", "admin", "deactivated"] as const;
    const cases = [
      ...Object.entries(listingDoors).map(([door, call]) => ({ door, call, allowed: ["staff", "manager", "admin"] })),
      ...Object.entries(parkDoors).map(([door, call]) => ({ door, call, allowed: ["admin"] })),
    ];
    for (const { door, call, allowed } of cases) {
      for (const caller of callers) {
        const may = allowed.includes(caller);
        it(`${door} × ${caller}: ${may ? "allowed" : "refused"}`, async () => {
          // A deactivated user's viewer is never built (getViewer returns null), so it arrives as null.
          const viewer = caller === "anonymous" || caller === "deactivated" ? null : viewers[caller];
          if (!may) return expect(call(viewer)).rejects.toBeInstanceOf(AccessDenied);
          const result = await call(viewer);
          expect(result).not.toBeNull();
          if (result && typeof result === "object" && "ok" in result) expect(result).toMatchObject({ ok: true });
        });
      }
    }
  });

  function parkInput(overrides: Record<string, unknown> = {}) {
    return {
      slug: unique("test-park"),
      name: unique("测试园区"),
      nameEn: "Test park",
      city: "浙江 嘉兴",
      cityEn: "Jiaxing",
      address: "测试大道 1 号",
      addressEn: "",
      description: "测试用园区。",
      descriptionEn: "",
      totalAreaMu: "1200.5",
      operatorName: "测试招商中心",
      contactPhone: "0573-8500 0000",
      ownerId: "",
      ...overrides,
    };
  }
  async function parkValues(id: string) {
    const park = await parkForEdit(opened.db, viewers.admin, id);
    if (!park) throw new Error("park not found");
    return park.values;
  }

  describe("creating and editing listings", () => {
    it("[STAFF] creates a listing with the comparable area and unit price the seed computes, audited", async () => {
      // The demo's 30 亩 land at 38 万元/亩, entered again through the form.
      const seeded = await opened.db.listing.findFirstOrThrow({ where: { kind: "LAND", area: 30 } });
      const created = await createListing(
        opened.db,
        viewers.staff,
        factoryLease(parkId, {
          kind: "LAND",
          factoryType: "STANDARD",
          deal: "SALE",
          area: "30",
          areaUnit: "MU",
          price: "38",
          priceUnit: "WAN_PER_MU",
        }),
      );
      if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
      const row = await opened.db.listing.findUniqueOrThrow({ where: { id: created.id } });
      expect(row.areaSqm.toString()).toBe(seeded.areaSqm.toString());
      // With no unit picked, one vacant plot of the typed area is made, in a building named after the listing.
      const unit = await opened.db.unit.findFirstOrThrow({
        where: { listingId: created.id },
        include: { building: true },
      });
      expect([unit.number, unit.area.toString(), unit.areaUnit, unit.status, unit.building.name]).toEqual([
        "01",
        "30",
        "MU",
        "VACANT",
        row.title,
      ]);
      expect([row.area.toString(), row.availableArea.toString(), row.status]).toEqual(["30", "30", "AVAILABLE"]);
      expect(row.unitPrice.toString()).toBe(seeded.unitPrice.toString());
      // A factory type left in the form after switching to land is not stored.
      expect(row).toMatchObject({
        kind: "LAND",
        factoryType: null,
        published: false,
        highlights: ["带 10 吨行车", "独门独院"],
        highlightsEn: [],
        titleEn: "Test factory",
      });
      const audit = await opened.db.auditEntry.findFirstOrThrow({
        where: { entityId: created.id, action: "listing.create" },
      });
      expect(audit).toMatchObject({
        actorId: viewers.staff.id,
        entityType: "Listing",
        details: { priceUnit: [null, "WAN_PER_MU"], unitIds: [unit.id] },
      });
    });

    it("refuses bad input with a key per field, and stores nothing", async () => {
      const before = await opened.db.listing.count();
      const answer = await createListing(
        opened.db,
        viewers.staff,
        factoryLease(parkId, {
          title: "  ",
          area: "",
          priceUnit: "YUAN_PER_SQM",
          factoryType: "",
          areaUnit: "MU",
          floorHeightM: "abc",
          storeys: "1.5",
          availableFrom: "2027-02-30",
          industries: ["gambling"],
        }),
      );
      expect(answer).toEqual({
        ok: false,
        fieldErrors: {
          title: "required",
          floorHeightM: "number",
          storeys: "integer",
          availableFrom: "date",
          "industries.0": "choice",
          factoryType: "choice",
          areaUnit: "unitMismatch",
          priceUnit: "unitMismatch",
          area: "required",
        },
      });
      // A sale cannot be priced per day, a factory not per 亩, a lease cannot be sold.
      expect(
        await createListing(
          opened.db,
          viewers.staff,
          factoryLease(parkId, { deal: "SALE", priceUnit: "YUAN_PER_SQM_MONTH" }),
        ),
      ).toMatchObject({ fieldErrors: { priceUnit: "unitMismatch" } });
      expect(
        await createListing(opened.db, viewers.staff, factoryLease(parkId, { deal: "SALE", priceUnit: "WAN_PER_MU" })),
      ).toMatchObject({ fieldErrors: { priceUnit: "unitMismatch" } });
      // Area, available area and status follow from units: none of them is typed.
      for (const typed of [{ status: "SOLD" }, { availableArea: "100" }, { areaSqm: "1" }]) {
        expect(await createListing(opened.db, viewers.staff, factoryLease(parkId, typed))).toEqual({
          ok: false,
          fieldErrors: { [Object.keys(typed)[0]]: "unknownField" },
        });
      }
      expect(await createListing(opened.db, viewers.staff, factoryLease("no-such-park"))).toEqual({
        ok: false,
        fieldErrors: { parkId: "notFound" },
      });
      expect(await opened.db.listing.count()).toBe(before);
    });

    it("[MANAGER] edits a listing, audited as before/after; an edit from a stale form is refused and changes nothing", async () => {
      const { id, updatedAt, input, unitIds } = await newListing();
      const saved = await updateListing(
        opened.db,
        viewers.manager,
        asEdit({ ...input, price: "0.8" }, id, updatedAt, unitIds),
      );
      if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors));
      expect(saved.updatedAt).not.toBe(updatedAt);
      const row = await opened.db.listing.findUniqueOrThrow({ where: { id } });
      expect(row.unitPrice.toString()).toBe("24.33"); // 0.8 元/m²/天 × 365/12
      const audit = await opened.db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: "listing.update" } });
      expect(audit.details).toEqual({ price: ["0.75", "0.8"] });

      const stale = await updateListing(
        opened.db,
        viewers.staff,
        asEdit({ ...input, title: "覆盖别人的修改" }, id, updatedAt, unitIds),
      );
      expect(stale).toEqual({ ok: false, fieldErrors: { updatedAt: "stale" } });
      expect((await opened.db.listing.findUniqueOrThrow({ where: { id } })).title).toBe(input.title);
    });

    it("lets exactly one of two concurrent edits from the same form win", async () => {
      const { id, updatedAt, input, unitIds } = await newListing();
      const results = await Promise.all(
        ["甲的修改", "乙的修改"].map((title) =>
          updateListing(opened.db, viewers.staff, asEdit({ ...input, title }, id, updatedAt, unitIds)),
        ),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toEqual({ ok: false, fieldErrors: { updatedAt: "stale" } });
      expect(await opened.db.auditEntry.count({ where: { entityId: id, action: "listing.update" } })).toBe(1);
    });

    it("lists every listing for staff, unpublished included, with filters", async () => {
      const { id, unitIds } = await newListing();
      // 不可租售 units make a listing read as reserved.
      await setUnitAvailability(opened.db, viewers.manager, { id: unitIds[0], available: false });
      const hidden = await listListingsForStaff(opened.db, viewers.staff, {
        published: "no",
        status: "RESERVED",
        park: parkId,
        kind: "FACTORY",
      });
      expect(hidden.listings.map((row) => row.id)).toContain(id);
      expect(hidden.listings.every((row) => !row.published && row.status === "RESERVED")).toBe(true);
      expect(
        (await listListingsForStaff(opened.db, viewers.staff, { published: "yes" })).listings.map((row) => row.id),
      ).not.toContain(id);
      // A bad filter value is dropped, not an error.
      expect((await listListingsForStaff(opened.db, viewers.staff, { kind: "CASTLE", page: "-3" })).filter).toEqual({});
    });
  });

  describe("the smallest part a listing is split into", () => {
    const land = {
      kind: "LAND",
      deal: "SALE",
      area: "30",
      areaUnit: "MU",
      price: "38",
      priceUnit: "WAN_PER_MU",
    };
    it("[STAFF] saves it with its m² twin, kept in step on edit and cleared when blank; shown on the public page", async () => {
      const created = await newListing(land);
      const { id, input } = created;
      const first = await updateListing(
        opened.db,
        viewers.staff,
        asEdit({ ...input, minSplitArea: "6" }, id, created.updatedAt, created.unitIds),
      );
      if (!first.ok) throw new Error(JSON.stringify(first.fieldErrors));
      let row = await opened.db.listing.findUniqueOrThrow({ where: { id } });
      expect([row.minSplitArea?.toString(), row.minSplitAreaSqm?.toString()]).toEqual(["6", "4000"]);
      expect((await listingForEdit(opened.db, viewers.staff, id))?.values.minSplitArea).toBe("6");
      const audit = await opened.db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: "listing.update" } });
      expect(audit.details).toMatchObject({ minSplitArea: [null, "6"] });
      await setListingPublished(opened.db, viewers.staff, { id, published: true });
      expect((await publicListingById(opened.db, id))?.minSplitArea).toBe("6");

      const cleared = await updateListing(
        opened.db,
        viewers.staff,
        asEdit(
          { ...input, priceUnit: "WAN_PER_MU", price: "38", minSplitArea: "" },
          id,
          (await opened.db.listing.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString(),
          created.unitIds,
        ),
      );
      expect(cleared.ok).toBe(true);
      row = await opened.db.listing.findUniqueOrThrow({ where: { id } });
      expect([row.minSplitArea, row.minSplitAreaSqm]).toEqual([null, null]);
    });

    it("refuses a part of zero, a negative one, one larger than the area or not a number, storing nothing", async () => {
      const before = await opened.db.listing.count();
      for (const [minSplitArea, key] of [
        ["0", "positive"],
        ["-5", "positive"],
        ["5000.01", "minSplitArea"],
        ["一半", "number"],
      ] as const) {
        const answer = await createListing(opened.db, viewers.staff, factoryLease(parkId, { minSplitArea }));
        expect(answer).toEqual({ ok: false, fieldErrors: { minSplitArea: key } });
      }
      expect(await opened.db.listing.count()).toBe(before);
    });

    it("matches a lead's need: a whole fit first, then a splittable listing; a too-big one that goes only whole does not", async () => {
      const tag = unique("分割匹配");
      const make = async (title: string, fields: Record<string, unknown>) => {
        const { id } = await newListing({ title: `${tag} ${title}`, published: true, industries: [], ...fields });
        return id;
      };
      await make("整体", { area: "2200" });
      await make("可分割", { area: "20000", minSplitArea: "1500" });
      await make("分割太大", { area: "20000", minSplitArea: "3500" });
      await make("不可分割", { area: "20000" });
      const need = { needDeal: "RENT", needKind: "FACTORY", needArea: "2000", needAreaUnit: "SQM" } as const;
      const found = (await matchingListings(opened.db, need, 100)).filter((listing) => listing.title.startsWith(tag));
      expect(found.map((listing) => [listing.title, listing.split])).toEqual([
        [`${tag} 整体`, false],
        [`${tag} 可分割`, true],
      ]);
    });
  });

  describe("publication and status on the public pages", () => {
    it("[STAFF] publishes a listing: it appears in the catalogue and on its page; unpublished, it disappears again", async () => {
      const { id, input } = await newListing();
      const inCatalogue = async () =>
        (await searchListings(opened.db, { park: "pinghu-zhangjiang", kind: "FACTORY", deal: "LEASE" })).listings.some(
          (card) => card.id === id,
        );
      expect(await inCatalogue()).toBe(false);
      expect(await publicListingById(opened.db, id)).toBeNull();

      expect(await setListingPublished(opened.db, viewers.staff, { id, published: true })).toMatchObject({ ok: true });
      expect(await inCatalogue()).toBe(true);
      expect((await latestListings(opened.db, 50)).some((card) => card.id === id)).toBe(true);
      expect(await publicListingById(opened.db, id)).toMatchObject({ title: input.title, status: "AVAILABLE" });

      expect(await setListingPublished(opened.db, viewers.staff, { id, published: false })).toMatchObject({ ok: true });
      expect(await inCatalogue()).toBe(false);
      expect(await publicListingById(opened.db, id)).toBeNull();
      const actions = (
        await opened.db.auditEntry.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } })
      ).map((entry) => [entry.action, entry.details]);
      expect(actions.slice(1)).toEqual([
        ["listing.publish", { published: [false, true] }],
        ["listing.unpublish", { published: [true, false] }],
      ]);
    });

    it("[STAFF] sees the status follow the units: 不可租售 reads reserved on the public page, vacant again available", async () => {
      const { id, unitIds } = await newListing({ published: true });
      await setUnitAvailability(opened.db, viewers.manager, { id: unitIds[0], available: false });
      expect(await publicListingById(opened.db, id)).toMatchObject({ status: "RESERVED" });
      await setUnitAvailability(opened.db, viewers.manager, { id: unitIds[0], available: true });
      expect(await publicListingById(opened.db, id)).toMatchObject({ status: "AVAILABLE" });
    });

    it("refuses a control carrying an old updatedAt", async () => {
      const { id, updatedAt, input, unitIds } = await newListing();
      const edited = await updateListing(
        opened.db,
        viewers.staff,
        asEdit({ ...input, price: "0.9" }, id, updatedAt, unitIds),
      );
      expect(edited.ok).toBe(true);
      expect(await setListingPublished(opened.db, viewers.staff, { id, published: true, updatedAt })).toEqual({
        ok: false,
        fieldErrors: { updatedAt: "stale" },
      });
    });
  });

  describe("a listing's units", () => {
    /** Vacant units in a building of `park`, in no listing. */
    async function looseUnits(park: string, areas: string[]) {
      const building = await opened.db.building.create({
        data: { parkId: park, name: unique("单元楼"), kind: "FACTORY", factoryType: "STANDARD" },
      });
      const ids = [];
      for (const [index, area] of areas.entries()) {
        const unit = await opened.db.unit.create({
          data: {
            buildingId: building.id,
            parkId: park,
            floor: 1,
            number: `10${index + 1}`,
            area,
            areaUnit: "SQM",
            areaSqm: area,
          },
        });
        ids.push(unit.id);
      }
      return { building, ids };
    }

    it("[STAFF] offers units picked from the park: the figures follow them, and an edit moves units in and out", async () => {
      const { ids } = await looseUnits(parkId, ["500", "700", "900"]);
      const { id, updatedAt, input } = await newListing({ unitIds: ids.slice(0, 2), area: "" });
      let row = await opened.db.listing.findUniqueOrThrow({ where: { id } });
      expect([row.area.toString(), row.availableArea.toString(), row.status]).toEqual(["1200", "1200", "AVAILABLE"]);
      expect((await listingForEdit(opened.db, viewers.staff, id))?.values.unitIds).toEqual([...ids.slice(0, 2)].sort());

      const moved = await updateListing(opened.db, viewers.staff, asEdit(input, id, updatedAt, [ids[1], ids[2]]));
      if (!moved.ok) throw new Error(JSON.stringify(moved.fieldErrors));
      row = await opened.db.listing.findUniqueOrThrow({ where: { id } });
      expect([row.area.toString(), row.availableArea.toString()]).toEqual(["1600", "1600"]);
      expect(row.updatedAt.toISOString()).toBe(moved.updatedAt);
      expect((await opened.db.unit.findUniqueOrThrow({ where: { id: ids[0] } })).listingId).toBeNull();
      const audit = await opened.db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: "listing.update" } });
      expect(audit.details).toEqual({ unitIds: [[ids[0], ids[1]].sort(), [ids[1], ids[2]].sort()] });

      expect(await updateListing(opened.db, viewers.staff, asEdit(input, id, moved.updatedAt, []))).toEqual({
        ok: false,
        fieldErrors: { unitIds: "unitsRequired" },
      });
    });

    it("refuses a unit of another listing or another park, and a building of another park, storing nothing", async () => {
      const taken = await newListing();
      const otherPark = (await opened.db.park.findFirstOrThrow({ where: { id: { not: parkId } } })).id;
      const elsewhere = await looseUnits(otherPark, ["300"]);
      const before = await opened.db.listing.count();
      for (const unitIds of [taken.unitIds, elsewhere.ids])
        expect(await createListing(opened.db, viewers.staff, factoryLease(parkId, { unitIds }))).toEqual({
          ok: false,
          fieldErrors: { unitIds: "unitsInOtherListing" },
        });
      expect(
        await createListing(opened.db, viewers.staff, factoryLease(parkId, { buildingId: elsewhere.building.id })),
      ).toEqual({ ok: false, fieldErrors: { buildingId: "buildingOtherPark" } });
      expect(await opened.db.listing.count()).toBe(before);
      expect((await opened.db.unit.findUniqueOrThrow({ where: { id: elsewhere.ids[0] } })).listingId).toBeNull();
    });
  });

  describe("photos", () => {
    it("[STAFF] uploads a PNG named .jpg, stored and served as the PNG it is, audited; removal deletes the file after the row", async () => {
      const { id } = await newListing();
      const added = await addListingPhoto(
        opened.db,
        viewers.staff,
        { listingId: id, file: photoFile(PNG, "photo.jpg", "image/jpeg"), alt: "厂房外观" },
        storage,
      );
      if (!added.ok) throw new Error(JSON.stringify(added.fieldErrors));
      const photo = await opened.db.listingPhoto.findUniqueOrThrow({ where: { id: added.id } });
      expect(photo).toMatchObject({
        contentType: "image/png",
        bytes: PNG.length,
        alt: "厂房外观",
        altEn: "Test factory",
        position: 0,
      });
      expect(photo.storageKey).toMatch(new RegExp(`^listings/${id}/[0-9a-f]{32}\\.png$`));
      expect(photo.url).toBe(`/media/${photo.storageKey}`);
      expect(await storage.get(photo.storageKey!)).toEqual({ bytes: new Uint8Array(PNG), contentType: "image/png" });
      expect(
        await opened.db.auditEntry.findFirst({ where: { entityId: id, action: "listing.photo_add" } }),
      ).toMatchObject({ details: { photoId: added.id, contentType: "image/png" } });

      expect(await removeListingPhoto(opened.db, viewers.staff, { photoId: added.id }, storage)).toEqual({
        ok: true,
        listingId: id,
      });
      expect(await opened.db.listingPhoto.findUnique({ where: { id: added.id } })).toBeNull();
      expect(await storage.get(photo.storageKey!)).toBeNull();
      expect(
        await opened.db.auditEntry.findFirst({ where: { entityId: id, action: "listing.photo_remove" } }),
      ).toMatchObject({ details: { photoId: added.id } });
      expect(await removeListingPhoto(opened.db, viewers.staff, { photoId: added.id }, storage)).toEqual({
        ok: false,
        fieldErrors: { photoId: "notFound" },
      });
    });

    it("refuses a text file named .jpg and a file over 5 MB, storing nothing", async () => {
      const { id } = await newListing();
      const text = photoFile(new TextEncoder().encode("<script>alert(1)</script>"), "photo.jpg", "image/jpeg");
      expect(await addListingPhoto(opened.db, viewers.staff, { listingId: id, file: text }, storage)).toEqual({
        ok: false,
        fieldErrors: { file: "fileType" },
      });
      const big = new Uint8Array(5 * 1024 * 1024 + 1);
      big.set(JPEG);
      expect(
        await addListingPhoto(
          opened.db,
          viewers.staff,
          { listingId: id, file: photoFile(big, "big.jpg", "image/jpeg") },
          storage,
        ),
      ).toEqual({ ok: false, fieldErrors: { file: "fileSize:5" } });
      expect(await addListingPhoto(opened.db, viewers.staff, { listingId: id }, storage)).toEqual({
        ok: false,
        fieldErrors: { file: "required" },
      });
      expect(
        await addListingPhoto(
          opened.db,
          viewers.staff,
          { listingId: "nope", file: photoFile(PNG, "a.png", "image/png") },
          storage,
        ),
      ).toEqual({ ok: false, fieldErrors: { listingId: "notFound" } });
      expect(await opened.db.listingPhoto.count({ where: { listingId: id } })).toBe(0);
      expect(await storedFiles(id)).toEqual([]);
    });

    it("holds at most 12 photos, even when uploads race; reorders only the current set", async () => {
      const { id } = await newListing();
      const results = await Promise.all(
        Array.from({ length: 14 }, (_, index) =>
          addListingPhoto(
            opened.db,
            viewers.staff,
            { listingId: id, file: photoFile(index % 2 ? PNG : JPEG, `p${index}.jpg`, "image/jpeg") },
            storage,
          ),
        ),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(12);
      expect(results.filter((result) => !result.ok)).toEqual([
        { ok: false, fieldErrors: { file: "tooMany:12" } },
        { ok: false, fieldErrors: { file: "tooMany:12" } },
      ]);
      const photos = await opened.db.listingPhoto.findMany({ where: { listingId: id }, orderBy: { position: "asc" } });
      expect(photos.map((photo) => photo.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      // Refused uploads leave no file behind: 12 photos, each with its ".meta".
      expect(await storedFiles(id)).toHaveLength(24);

      const reversed = photos.map((photo) => photo.id).reverse();
      expect(await reorderListingPhotos(opened.db, viewers.staff, { listingId: id, photoIds: reversed })).toEqual({
        ok: true,
      });
      const after = await opened.db.listingPhoto.findMany({ where: { listingId: id }, orderBy: { position: "asc" } });
      expect(after.map((photo) => photo.id)).toEqual(reversed);
      expect(
        await reorderListingPhotos(opened.db, viewers.staff, { listingId: id, photoIds: reversed.slice(1) }),
      ).toEqual({ ok: false, fieldErrors: { photoIds: "stale" } });
      expect(
        await reorderListingPhotos(opened.db, viewers.staff, {
          listingId: id,
          photoIds: [reversed[0], ...reversed.slice(0, 11)],
        }),
      ).toEqual({ ok: false, fieldErrors: { photoIds: "stale" } });
    });
  });

  describe("parks", () => {
    it("[ADMIN] creates and edits a park, audited; the key must be new and well-formed, the owner active", async () => {
      const input = parkInput({ ownerId: viewers.staff.id });
      const created = await createPark(opened.db, viewers.admin, input);
      if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
      expect(await opened.db.park.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
        slug: input.slug,
        ownerId: viewers.staff.id,
        nameEn: "Test park",
        addressEn: "",
      });
      expect(
        await opened.db.auditEntry.findFirst({ where: { entityId: created.id, action: "park.create" } }),
      ).toMatchObject({
        actorId: viewers.admin.id,
        details: { slug: [null, input.slug], ownerId: [null, viewers.staff.id] },
      });

      expect(await createPark(opened.db, viewers.admin, parkInput({ slug: input.slug }))).toEqual({
        ok: false,
        fieldErrors: { slug: "keyTaken" },
      });
      expect(
        await createPark(
          opened.db,
          viewers.admin,
          parkInput({ slug: "Bad Slug!", name: "", contactPhone: "call me", totalAreaMu: "-1" }),
        ),
      ).toEqual({
        ok: false,
        fieldErrors: { slug: "slug", name: "required", contactPhone: "contactPhone", totalAreaMu: "tooSmall:0" },
      });
      expect(await createPark(opened.db, viewers.admin, parkInput({ ownerId: deactivatedId }))).toEqual({
        ok: false,
        fieldErrors: { ownerId: "ownerInactive" },
      });
      expect(await createPark(opened.db, viewers.admin, parkInput({ ownerId: "no-such-user" }))).toEqual({
        ok: false,
        fieldErrors: { ownerId: "notFound" },
      });

      const values = await parkValues(created.id);
      const edited = await updatePark(opened.db, viewers.admin, {
        ...values,
        id: created.id,
        updatedAt: created.updatedAt,
        ownerId: viewers.manager.id,
        totalAreaMu: "1200.50",
      });
      expect(edited).toMatchObject({ ok: true });
      expect(
        await opened.db.auditEntry.findFirst({ where: { entityId: created.id, action: "park.update" } }),
      ).toMatchObject({
        details: { ownerId: [viewers.staff.id, viewers.manager.id] },
      });
      expect(
        await updatePark(opened.db, viewers.admin, {
          ...values,
          id: created.id,
          updatedAt: created.updatedAt,
          name: "旧表单",
        }),
      ).toEqual({ ok: false, fieldErrors: { updatedAt: "stale" } });
      if (!edited.ok) return;
      expect(
        await updatePark(opened.db, viewers.admin, {
          ...values,
          id: created.id,
          updatedAt: edited.updatedAt,
          slug: "pinghu-etdz",
        }),
      ).toEqual({ ok: false, fieldErrors: { slug: "keyTaken" } });
      expect(
        await updatePark(opened.db, viewers.admin, {
          ...values,
          id: created.id,
          updatedAt: edited.updatedAt,
          ownerId: deactivatedId,
        }),
      ).toEqual({ ok: false, fieldErrors: { ownerId: "ownerInactive" } });
    });

    it("[STAFF] reads parks but cannot create or change one", async () => {
      expect((await listParks(opened.db, viewers.staff)).map((park) => park.slug)).toContain("pinghu-zhangjiang");
      const park = await opened.db.park.findUniqueOrThrow({ where: { id: parkId } });
      await expect(
        updatePark(opened.db, viewers.staff, {
          ...(await parkValues(parkId)),
          id: parkId,
          updatedAt: park.updatedAt.toISOString(),
          name: "专员改名",
        }),
      ).rejects.toBeInstanceOf(AccessDenied);
      await expect(createPark(opened.db, viewers.manager, parkInput())).rejects.toBeInstanceOf(AccessDenied);
      expect((await opened.db.park.findUniqueOrThrow({ where: { id: parkId } })).name).toBe(park.name);
    });
  });
}

describe("listings management on PGlite", () => listingsAdminSuite(() => openTestPglite({ seedDemo: true })));
describeOnPostgres("listings management on PostgreSQL", () =>
  listingsAdminSuite(() => openTestPostgres({ seedDemo: true, poolSize: 8 })),
);

describe("the media route", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "parklead-media-"));
    // Read once by lib/env on first use, which is inside the route below.
    process.env.STORAGE_DIR = dir;
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("serves a stored photo with its stored type, cached for a year, never sniffed; anything else is 404", async () => {
    const { GET } = await import("@/app/media/[...key]/route");
    const key = "listings/abc/0123456789abcdef0123456789abcdef.png";
    await localDiskStorage(dir).put(key, new Uint8Array(PNG), "image/png");
    const get = (segments: string[]) =>
      GET(new Request(`http://localhost/media/${segments.join("/")}`), { params: Promise.resolve({ key: segments }) });

    const found = await get(key.split("/"));
    expect(found.status).toBe(200);
    expect(
      Object.fromEntries(
        ["content-type", "cache-control", "x-content-type-options"].map((name) => [name, found.headers.get(name)]),
      ),
    ).toEqual({
      "content-type": "image/png",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    });
    expect(Buffer.from(await found.arrayBuffer()).equals(PNG)).toBe(true);

    for (const segments of [
      ["listings", "abc", "missing.png"],
      ["..", "..", "etc", "passwd"],
      ["listings", "abc", "0123456789abcdef0123456789abcdef.png.meta"],
    ]) {
      const response = await get(segments);
      expect(response.status, segments.join("/")).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
  });
});
