import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import type { Prisma } from "@/lib/db/generated/client";
import { leadSearchTokens } from "@/lib/leads/search-tokens";
import { moveLeadsStage, moveLeadStage } from "@/lib/leads/stage/mutations";
import {
  createLostReason,
  createStage,
  deleteStage,
  renameStage,
  reorderLostReasons,
  reorderStages,
  updateLostReason,
} from "@/lib/pipeline/config-mutations";
import { activeLostReasons, loadBoard, pipelineConfig } from "@/lib/pipeline/queries";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";
import { tallyDrift } from "../support/report-tallies";

const DEFAULT_STAGES = ["new", "contacted", "site_visit", "screening", "negotiation", "signed", "lost"];

function pipelineSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let seq = 0;
  const v = {} as Record<"staff" | "otherStaff" | "manager" | "admin", Viewer>;

  async function makeUser(role: Role, active = true): Promise<Viewer> {
    seq += 1;
    const user = await opened.db.user.create({
      data: {
        email: `${role.toLowerCase()}-${seq}@pipeline.test`,
        name: `${role} ${seq}`,
        role,
        active,
        passwordHash: "x",
      },
    });
    return { id: user.id, email: user.email, name: user.name, role };
  }

  async function makeLead(data: Partial<Prisma.LeadUncheckedCreateInput> = {}) {
    seq += 1;
    const person = {
      phone: `1390000${String(seq).padStart(4, "0")}`,
      company: `测试科技${seq}有限公司`,
      contactName: "王先生",
      ...data,
    };
    return opened.db.lead.create({ data: { ...person, searchTokens: leadSearchTokens(person) } });
  }

  const stageChangesOf = (leadId: string) =>
    opened.db.stageChange.findMany({ where: { leadId }, orderBy: { changedAt: "asc" } });
  const leadOf = (id: string) => opened.db.lead.findUniqueOrThrow({ where: { id } });

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    v.staff = await makeUser("STAFF");
    v.otherStaff = await makeUser("STAFF");
    v.manager = await makeUser("MANAGER");
    v.admin = await makeUser("ADMIN");
  });
  afterAll(async () => {
    await cleanup?.();
  });

  describe("one lead's move", () => {
    it("[STAFF] two moves from the same stage at once: exactly one wins, the other is told the stage changed", async () => {
      for (let round = 0; round < 3; round++) {
        const lead = await makeLead({ ownerId: v.staff.id });
        const moves = await Promise.all([
          moveLeadStage(opened.db, v.staff, { leadId: lead.id, fromStageKey: "new", toStageKey: "contacted" }),
          moveLeadStage(opened.db, v.manager, { leadId: lead.id, fromStageKey: "new", toStageKey: "site_visit" }),
        ]);
        const won = moves.filter((move) => move.ok);
        expect(won).toHaveLength(1);
        expect(moves.find((move) => !move.ok)).toEqual({ ok: false, fieldErrors: { fromStageKey: "stageChanged" } });
        const changes = await stageChangesOf(lead.id);
        expect(changes).toHaveLength(1);
        const stored = await leadOf(lead.id);
        expect(stored.stageKey).toBe(changes[0].toKey);
        expect(stored.version).toBe(2);
        expect(await opened.db.activity.count({ where: { leadId: lead.id, kind: "STAGE" } })).toBe(1);
      }
    });

    it("[STAFF] moves their lead, leaving history, timeline, first response and audit behind", async () => {
      const lead = await makeLead({ ownerId: v.staff.id });
      const moved = await moveLeadStage(opened.db, v.staff, {
        leadId: lead.id,
        fromStageKey: "new",
        toStageKey: "site_visit",
      });
      expect(moved).toEqual({ ok: true, lead: { id: lead.id, stageKey: "site_visit", version: 2 } });
      const stored = await leadOf(lead.id);
      expect(stored.stageChangedAt.getTime()).toBeGreaterThan(lead.stageChangedAt.getTime() - 1);
      expect(stored.firstRespondedAt).not.toBeNull();
      expect(await stageChangesOf(lead.id)).toEqual([
        expect.objectContaining({ fromKey: "new", toKey: "site_visit", actorId: v.staff.id, lostReasonKey: null }),
      ]);
      const activity = await opened.db.activity.findFirstOrThrow({ where: { leadId: lead.id, kind: "STAGE" } });
      expect(activity).toMatchObject({ actorId: v.staff.id, details: { from: "new", to: "site_visit" } });
      const audit = await opened.db.auditEntry.findFirstOrThrow({ where: { action: "lead.stage", entityId: lead.id } });
      expect(audit).toMatchObject({ actorId: v.staff.id, details: { stage: ["new", "site_visit"] } });
    });

    it("refuses a move from a stage the lead has left, changing nothing", async () => {
      const lead = await makeLead({ ownerId: v.staff.id, stageKey: "contacted" });
      expect(
        await moveLeadStage(opened.db, v.staff, { leadId: lead.id, fromStageKey: "new", toStageKey: "site_visit" }),
      ).toEqual({
        ok: false,
        fieldErrors: { fromStageKey: "stageChanged" },
      });
      expect(await leadOf(lead.id)).toMatchObject({ stageKey: "contacted", version: 1 });
      expect(await stageChangesOf(lead.id)).toHaveLength(0);
    });

    it("answers bad input with field errors", async () => {
      const lead = await makeLead({ ownerId: v.staff.id });
      const move = (input: object) =>
        moveLeadStage(opened.db, v.staff, { leadId: lead.id, fromStageKey: "new", ...input });
      expect(await move({ toStageKey: "nowhere" })).toEqual({ ok: false, fieldErrors: { toStageKey: "notFound" } });
      expect(await move({ toStageKey: "new" })).toEqual({ ok: false, fieldErrors: { toStageKey: "sameStage" } });
      expect(await move({ toStageKey: "Bad Key!" })).toEqual({ ok: false, fieldErrors: { toStageKey: "invalid" } });
      expect(await move({ toStageKey: "contacted", colour: "red" })).toEqual({
        ok: false,
        fieldErrors: { colour: "unknownField" },
      });
      expect(
        await moveLeadStage(opened.db, v.staff, {
          leadId: "no-such-lead",
          fromStageKey: "new",
          toStageKey: "contacted",
        }),
      ).toEqual({
        ok: false,
        fieldErrors: { leadId: "notFound" },
      });
    });
  });

  describe("lost and signed", () => {
    it("[STAFF] cannot mark a lead lost without an active reason", async () => {
      const lead = await makeLead({ ownerId: v.staff.id });
      const lose = (input: object) =>
        moveLeadStage(opened.db, v.staff, { leadId: lead.id, fromStageKey: "new", toStageKey: "lost", ...input });
      expect(await lose({})).toEqual({ ok: false, fieldErrors: { lostReasonKey: "lostReasonRequired" } });
      expect(await lose({ lostReasonKey: "made_up" })).toEqual({
        ok: false,
        fieldErrors: { lostReasonKey: "lostReasonRequired" },
      });
      await opened.db.lostReason.create({
        data: { key: "retired_reason", name: "已停用", nameEn: "Retired", position: 99, active: false },
      });
      expect(await lose({ lostReasonKey: "retired_reason" })).toEqual({
        ok: false,
        fieldErrors: { lostReasonKey: "lostReasonRequired" },
      });
      expect(await leadOf(lead.id)).toMatchObject({ stageKey: "new", version: 1 });
    });

    it("[STAFF] asks which park when the investor chose another park, and records it", async () => {
      const lead = await makeLead({ ownerId: v.staff.id });
      const lose = (input: object) =>
        moveLeadStage(opened.db, v.staff, {
          leadId: lead.id,
          fromStageKey: "new",
          toStageKey: "lost",
          lostReasonKey: "other_park",
          ...input,
        });
      expect(await lose({})).toEqual({ ok: false, fieldErrors: { lostToPark: "lostParkRequired" } });
      expect(await lose({ lostToPark: "   " })).toEqual({ ok: false, fieldErrors: { lostToPark: "lostParkRequired" } });
      expect(await lose({ lostToPark: "嘉善经济技术开发区" })).toMatchObject({ ok: true, lead: { stageKey: "lost" } });
      expect(await leadOf(lead.id)).toMatchObject({ lostReasonKey: "other_park", lostToPark: "嘉善经济技术开发区" });
      expect((await stageChangesOf(lead.id))[0]).toMatchObject({ toKey: "lost", lostReasonKey: "other_park" });
      const activity = await opened.db.activity.findFirstOrThrow({ where: { leadId: lead.id, kind: "STAGE" } });
      expect(activity.details).toEqual({
        from: "new",
        to: "lost",
        lostReasonKey: "other_park",
        lostToPark: "嘉善经济技术开发区",
      });
    });

    it("[STAFF] signing needs the area with its unit and the annual tax; moving back clears them", async () => {
      const lead = await makeLead({ ownerId: v.staff.id, stageKey: "negotiation" });
      const sign = (input: object) =>
        moveLeadStage(opened.db, v.staff, {
          leadId: lead.id,
          fromStageKey: "negotiation",
          toStageKey: "signed",
          ...input,
        });
      expect(await sign({})).toEqual({
        ok: false,
        fieldErrors: {
          signedArea: "signedAreaRequired",
          signedAreaUnit: "signedAreaRequired",
          signedAnnualTax: "signedTaxRequired",
        },
      });
      expect(await sign({ signedArea: "30", signedAreaUnit: "MU" })).toEqual({
        ok: false,
        fieldErrors: { signedAnnualTax: "signedTaxRequired" },
      });
      expect(await sign({ signedArea: "-3", signedAreaUnit: "MU", signedAnnualTax: "abc" })).toEqual({
        ok: false,
        fieldErrors: { signedArea: "positive", signedAnnualTax: "amount" },
      });
      expect(await sign({ signedArea: "30", signedAreaUnit: "MU", signedAnnualTax: "600.5" })).toMatchObject({
        ok: true,
      });
      const signed = await leadOf(lead.id);
      expect(signed).toMatchObject({ stageKey: "signed", signedAreaUnit: "MU" });
      expect(signed.signedArea?.toString()).toBe("30");
      expect(signed.signedAnnualTax?.toString()).toBe("600.5");
      expect(signed.signedAt).not.toBeNull();

      expect(
        await moveLeadStage(opened.db, v.staff, { leadId: lead.id, fromStageKey: "signed", toStageKey: "negotiation" }),
      ).toMatchObject({ ok: true });
      expect(await leadOf(lead.id)).toMatchObject({
        stageKey: "negotiation",
        signedArea: null,
        signedAreaUnit: null,
        signedAnnualTax: null,
        signedAt: null,
        version: 3,
      });
    });
  });

  describe("bulk moves", () => {
    it("[MANAGER] moves many leads in one go, skipping those already there", async () => {
      const leads = await Promise.all([
        makeLead(),
        makeLead({ ownerId: v.staff.id }),
        makeLead({ stageKey: "screening" }),
      ]);
      const result = await moveLeadsStage(opened.db, v.manager, {
        leadIds: leads.map((lead) => lead.id),
        toStageKey: "screening",
      });
      expect(result).toEqual({ ok: true, moved: 2 });
      for (const lead of leads) expect((await leadOf(lead.id)).stageKey).toBe("screening");
      expect(await opened.db.stageChange.count({ where: { leadId: { in: leads.map((lead) => lead.id) } } })).toBe(2);
      const audit = await opened.db.auditEntry.findFirstOrThrow({
        where: { action: "lead.stage", entityId: "2 leads" },
        orderBy: { createdAt: "desc" },
      });
      expect(audit.details).toMatchObject({ to: "screening" });
    });

    it("[STAFF] all or nothing: one lead outside their scope refuses the whole batch", async () => {
      const mine = await makeLead({ ownerId: v.staff.id });
      const theirs = await makeLead({ ownerId: v.otherStaff.id });
      expect(
        await moveLeadsStage(opened.db, v.staff, { leadIds: [mine.id, theirs.id], toStageKey: "contacted" }),
      ).toEqual({
        ok: false,
        fieldErrors: { leadIds: "notFound" },
      });
      expect((await leadOf(mine.id)).stageKey).toBe("new");
      expect(await moveLeadsStage(opened.db, v.staff, { leadIds: [mine.id], toStageKey: "lost" })).toEqual({
        ok: false,
        fieldErrors: { lostReasonKey: "lostReasonRequired" },
      });
      const tooMany = Array.from({ length: 501 }, (_, index) => `lead${index}`);
      expect(await moveLeadsStage(opened.db, v.manager, { leadIds: tooMany, toStageKey: "contacted" })).toEqual({
        ok: false,
        fieldErrors: { leadIds: "tooMany:500" },
      });
      expect(
        await moveLeadsStage(opened.db, v.staff, { leadIds: [mine.id], toStageKey: "lost", lostReasonKey: "price" }),
      ).toEqual({ ok: true, moved: 1 });
      expect(await leadOf(mine.id)).toMatchObject({ stageKey: "lost", lostReasonKey: "price" });
    });
  });

  describe("who may move", () => {
    it("[STAFF] cannot move a lead assigned to someone else: it reads as not found", async () => {
      const theirs = await makeLead({ ownerId: v.otherStaff.id });
      expect(
        await moveLeadStage(opened.db, v.staff, { leadId: theirs.id, fromStageKey: "new", toStageKey: "contacted" }),
      ).toEqual({
        ok: false,
        fieldErrors: { leadId: "notFound" },
      });
      expect(await leadOf(theirs.id)).toMatchObject({ stageKey: "new", version: 1 });
      const pool = await makeLead();
      expect(
        await moveLeadStage(opened.db, v.staff, { leadId: pool.id, fromStageKey: "new", toStageKey: "contacted" }),
      ).toMatchObject({ ok: true });
    });

    it("[ANONYMOUS] and deactivated users (no viewer) are refused every door", async () => {
      const lead = await makeLead();
      await expect(
        moveLeadStage(opened.db, null, { leadId: lead.id, fromStageKey: "new", toStageKey: "contacted" }),
      ).rejects.toBeInstanceOf(AccessDenied);
      await expect(
        moveLeadsStage(opened.db, null, { leadIds: [lead.id], toStageKey: "contacted" }),
      ).rejects.toBeInstanceOf(AccessDenied);
      await expect(loadBoard(opened.db, null, {})).rejects.toBeInstanceOf(AccessDenied);
      await expect(activeLostReasons(opened.db, null)).rejects.toBeInstanceOf(AccessDenied);
      expect((await leadOf(lead.id)).stageKey).toBe("new");
    });
  });

  describe("the board", () => {
    it("shows columns in stage order, honouring the filter and the viewer's scope", async () => {
      const park = await opened.db.park.create({
        data: {
          slug: `board-${seq}`,
          name: "看板园区",
          nameEn: "Board park",
          city: "平湖",
          cityEn: "Pinghu",
          address: "-",
          addressEn: "-",
          description: "-",
          descriptionEn: "-",
          operatorName: "-",
          contactPhone: "-",
        },
      });
      const mine = await makeLead({
        parkId: park.id,
        ownerId: v.staff.id,
        company: "星河精密机械",
        nextFollowUpAt: new Date(Date.now() - 3_600_000),
        expectedAnnualTax: "120",
      });
      const pool = await makeLead({ parkId: park.id, stageKey: "contacted" });
      const theirs = await makeLead({ parkId: park.id, ownerId: v.otherStaff.id, stageKey: "contacted" });

      const staffBoard = await loadBoard(opened.db, v.staff, { park: park.id });
      expect(staffBoard.columns.map((column) => column.key)).toEqual(DEFAULT_STAGES);
      const cardsOf = (board: typeof staffBoard, key: string) =>
        board.columns.find((column) => column.key === key)!.cards.map((card) => card.id);
      expect(cardsOf(staffBoard, "new")).toEqual([mine.id]);
      expect(cardsOf(staffBoard, "contacted")).toEqual([pool.id]);
      const card = staffBoard.columns[0].cards[0];
      expect(card).toMatchObject({
        company: "星河精密机械",
        overdue: true,
        expectedAnnualTax: "120",
        owner: { id: v.staff.id, name: v.staff.name },
      });

      const managerBoard = await loadBoard(opened.db, v.manager, { park: park.id });
      expect(cardsOf(managerBoard, "contacted")).toEqual([theirs.id, pool.id]);
      expect(managerBoard.columns.find((column) => column.key === "contacted")).toMatchObject({
        count: 2,
        countCapped: false,
      });
      expect(
        cardsOf(await loadBoard(opened.db, v.manager, { park: park.id, owner: "unassigned" }), "contacted"),
      ).toEqual([pool.id]);
      expect(cardsOf(await loadBoard(opened.db, v.manager, { park: park.id, q: "星河" }), "new")).toEqual([mine.id]);
      const onlyContacted = await loadBoard(opened.db, v.manager, { park: park.id, stage: "contacted" });
      expect(onlyContacted.columns.map((column) => column.count)).toEqual([0, 2, 0, 0, 0, 0, 0]);
    });

    it("shows the newest cards of a big column and counts it up to the cap", async () => {
      const park = await opened.db.park.create({
        data: {
          slug: `cap-${seq}`,
          name: "计数园区",
          nameEn: "Count park",
          city: "平湖",
          cityEn: "Pinghu",
          address: "-",
          addressEn: "-",
          description: "-",
          descriptionEn: "-",
          operatorName: "-",
          contactPhone: "-",
        },
      });
      const made = [];
      for (let index = 0; index < 6; index++)
        made.push(
          await makeLead({ parkId: park.id, stageKey: "screening", createdAt: new Date(Date.UTC(2026, 0, 1 + index)) }),
        );
      const column = (
        await loadBoard(opened.db, v.manager, { park: park.id }, { perColumn: 2, countCap: 4 })
      ).columns.find((c) => c.key === "screening")!;
      expect(column.cards.map((card) => card.id)).toEqual([made[5].id, made[4].id]);
      expect(column).toMatchObject({ count: 4, countCapped: true });
      const exact = (
        await loadBoard(opened.db, v.manager, { park: park.id }, { perColumn: 2, countCap: 10 })
      ).columns.find((c) => c.key === "screening")!;
      expect(exact).toMatchObject({ count: 6, countCapped: false });
    });
  });

  describe("stages and lost reasons (admin)", () => {
    it("only an admin may read or change them", async () => {
      const doors = [
        (viewer: Viewer | null) => pipelineConfig(opened.db, viewer),
        (viewer: Viewer | null) =>
          createStage(opened.db, viewer, { key: "x_stage", name: "甲", nameEn: "X", category: "OPEN" }),
        (viewer: Viewer | null) => renameStage(opened.db, viewer, { key: "new", name: "新线索", nameEn: "New" }),
        (viewer: Viewer | null) => reorderStages(opened.db, viewer, { keys: DEFAULT_STAGES }),
        (viewer: Viewer | null) => deleteStage(opened.db, viewer, { key: "contacted" }),
        (viewer: Viewer | null) => createLostReason(opened.db, viewer, { key: "x_reason", name: "甲", nameEn: "X" }),
        (viewer: Viewer | null) =>
          updateLostReason(opened.db, viewer, {
            key: "price",
            name: "价格",
            nameEn: "Price",
            askPark: false,
            active: true,
          }),
        (viewer: Viewer | null) => reorderLostReasons(opened.db, viewer, { keys: ["price"] }),
      ];
      for (const door of doors) {
        for (const viewer of [null, v.staff, v.manager])
          await expect(door(viewer)).rejects.toBeInstanceOf(AccessDenied);
      }
      expect(await opened.db.stage.findUnique({ where: { key: "x_stage" } })).toBeNull();
    });

    it("[ADMIN] adds, renames and reorders stages, audited", async () => {
      expect(
        await createStage(opened.db, v.admin, {
          key: "registered",
          name: "注册",
          nameEn: "Registered",
          category: "OPEN",
        }),
      ).toEqual({ ok: true });
      const keys = (await pipelineConfig(opened.db, v.admin)).stages.map((stage) => stage.key);
      expect(keys).toEqual([
        "new",
        "contacted",
        "site_visit",
        "screening",
        "negotiation",
        "registered",
        "signed",
        "lost",
      ]);
      expect(
        await createStage(opened.db, v.admin, {
          key: "registered",
          name: "注册",
          nameEn: "Registered",
          category: "OPEN",
        }),
      ).toEqual({ ok: false, fieldErrors: { key: "keyTaken" } });
      expect(
        await createStage(opened.db, v.admin, { key: "won_again", name: "再签", nameEn: "Won", category: "WON" }),
      ).toEqual({ ok: false, fieldErrors: { category: "oneWonStage" } });
      expect(
        await createStage(opened.db, v.admin, { key: "Bad-Key", name: "", nameEn: "x", category: "MAYBE" }),
      ).toEqual({
        ok: false,
        fieldErrors: { key: "invalid", name: "required", category: "choice" },
      });
      expect(
        await renameStage(opened.db, v.admin, { key: "registered", name: "已注册", nameEn: "Registered" }),
      ).toEqual({ ok: true });
      expect(
        await opened.db.auditEntry.findFirst({ where: { action: "stage.update", entityId: "registered" } }),
      ).toMatchObject({ details: { name: ["注册", "已注册"] } });

      const reversed = [...keys].reverse();
      expect(await reorderStages(opened.db, v.admin, { keys: reversed.slice(1) })).toEqual({
        ok: false,
        fieldErrors: { keys: "stale" },
      });
      expect(await reorderStages(opened.db, v.admin, { keys: reversed })).toEqual({ ok: true });
      expect((await loadBoard(opened.db, v.admin, {})).columns.map((column) => column.key)).toEqual(reversed);
      expect(await reorderStages(opened.db, v.admin, { keys })).toEqual({ ok: true });
      expect(await deleteStage(opened.db, v.admin, { key: "registered" })).toEqual({ ok: true });
      expect(
        await opened.db.auditEntry.count({
          where: { action: { in: ["stage.create", "stage.delete"] }, entityId: "registered" },
        }),
      ).toBe(2);
    });

    it("[ADMIN] never removes a stage in use, the start stage, the signed stage or the last lost stage", async () => {
      expect(await deleteStage(opened.db, v.admin, { key: "contacted" })).toEqual({
        ok: false,
        fieldErrors: { key: "inUse" },
      });
      expect(await deleteStage(opened.db, v.admin, { key: "new" })).toEqual({
        ok: false,
        fieldErrors: { key: "startStage" },
      });
      expect(await deleteStage(opened.db, v.admin, { key: "signed" })).toEqual({
        ok: false,
        fieldErrors: { key: "oneWonStage" },
      });
      expect(await deleteStage(opened.db, v.admin, { key: "nowhere" })).toEqual({
        ok: false,
        fieldErrors: { key: "notFound" },
      });
      expect(
        await createStage(opened.db, v.admin, { key: "dropped", name: "搁置", nameEn: "Dropped", category: "LOST" }),
      ).toEqual({ ok: true });
      expect(await deleteStage(opened.db, v.admin, { key: "dropped" })).toEqual({ ok: true });
      expect(await deleteStage(opened.db, v.admin, { key: "lost" })).toEqual({
        ok: false,
        fieldErrors: { key: "lastLostStage" },
      });
      expect((await pipelineConfig(opened.db, v.admin)).stages.map((stage) => stage.key)).toEqual(DEFAULT_STAGES);
    });

    it("[ADMIN] adds, renames, flags, reorders and retires lost reasons; the last active one stays", async () => {
      expect(
        await createLostReason(opened.db, v.admin, { key: "land_quota", name: "用地指标", nameEn: "Land quota" }),
      ).toEqual({ ok: true });
      expect(await createLostReason(opened.db, v.admin, { key: "land_quota", name: "重复", nameEn: "Dup" })).toEqual({
        ok: false,
        fieldErrors: { key: "keyTaken" },
      });
      expect(
        await updateLostReason(opened.db, v.admin, {
          key: "land_quota",
          name: "缺少用地指标",
          nameEn: "No land quota",
          askPark: true,
          active: true,
        }),
      ).toEqual({ ok: true });
      expect((await activeLostReasons(opened.db, v.staff)).at(-1)).toEqual({
        key: "land_quota",
        name: "缺少用地指标",
        nameEn: "No land quota",
        askPark: true,
      });
      expect(
        await updateLostReason(opened.db, v.admin, {
          key: "land_quota",
          name: "缺少用地指标",
          nameEn: "No land quota",
          askPark: true,
          active: false,
        }),
      ).toEqual({ ok: true });
      expect((await activeLostReasons(opened.db, v.staff)).map((reason) => reason.key)).not.toContain("land_quota");
      expect(await opened.db.lostReason.findUnique({ where: { key: "land_quota" } })).toMatchObject({ active: false });
      expect(
        await opened.db.auditEntry.findFirst({
          where: { action: "lostReason.update", entityId: "land_quota" },
          orderBy: { createdAt: "desc" },
        }),
      ).toMatchObject({
        details: { active: [true, false] },
      });

      const all = (await pipelineConfig(opened.db, v.admin)).lostReasons.map((reason) => reason.key);
      expect(await reorderLostReasons(opened.db, v.admin, { keys: [...all].reverse() })).toEqual({ ok: true });
      expect((await pipelineConfig(opened.db, v.admin)).lostReasons.map((reason) => reason.key)).toEqual(
        [...all].reverse(),
      );

      const active = await activeLostReasons(opened.db, v.admin);
      for (const reason of active.slice(1)) await updateLostReason(opened.db, v.admin, { ...reason, active: false });
      expect(await updateLostReason(opened.db, v.admin, { ...active[0], active: false })).toEqual({
        ok: false,
        fieldErrors: { active: "lastLostReason" },
      });
      for (const reason of active.slice(1)) await updateLostReason(opened.db, v.admin, { ...reason, active: true });
    });
  });

  // Every intake, move, merge and reassignment above went through the database triggers that keep the report tallies.
  it("kept the report tallies equal to a recount of every lead and inquiry", async () => {
    expect(await tallyDrift(opened.db)).toEqual([]);
  });
}

describe("pipeline on PGlite", () => pipelineSuite(() => openTestPglite()));
describeOnPostgres("pipeline on PostgreSQL", () => pipelineSuite(() => openTestPostgres()));
