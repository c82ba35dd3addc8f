/*
 * The reports' fixture: a small workspace whose every figure can be worked out by hand. All times
 * are Asia/Shanghai (+08:00). The October 2026 view is `range=custom&from=2026-10-01&to=2026-10-31`.
 * Working hours are the defaults (Mon–Fri 9:00–18:00). 2026-10-01..07 are ordinary days here (no
 * holidays configured). Stages: new 1, contacted 2, site_visit 3, screening 4, negotiation 5,
 * signed 6 (won), lost 7.
 *
 * L1  created Thu 10-08 10:00, owner A, park P1, FACTORY, source baidu, use 精密机械, tax 200, investment 5000, need 3000 m²
 *     new 10-08 10:00 → contacted 10-08 10:30 → site_visit 10-10 10:00 → screening 10-15 10:00 → negotiation 10-20 10:00
 *     → signed 10-25 10:00 (signed area 2800 m², signed tax 180). First call 10-08 10:30. One inquiry 10-08 10:00 (listing LP1).
 * L2  created Fri 10-09 17:30, owner A, park P1, FACTORY, source baidu, use 新能源, tax 100, investment 3000, need 20 亩
 *     new 10-09 17:30 → contacted Mon 10-12 09:30 → negotiation 10-14 10:00 (skips site_visit and screening)
 *     → lost 10-20 10:00 (reason price). First call 10-12 09:30. Inquiries 10-09 17:30 and 10-11 12:00.
 * L3  created Mon 10-12 20:00, owner B, park P2, OFFICE, source direct, use 软件开发, tax 50, investment 800, need 500 m²
 *     new 10-12 20:00 → contacted 10-13 11:00 → lost 10-16 10:00 (other_park, 苏州工业园区) → contacted 10-21 10:00 (reopened)
 *     → site_visit 10-22 10:00 (current). First call 10-13 11:00. One inquiry 10-12 20:00.
 * L4  created Sun 09-20 10:00 (before the range), owner B, park P2, LAND, source wechat, use 生物医药, tax 500, investment 20000, need 50 亩
 *     new 09-20 10:00 → contacted 09-21 10:00 → site_visit 09-25 10:00 → negotiation 10-05 10:00 → signed 10-18 10:00
 *     (signed 48 亩, signed tax 450). First call 09-21 10:00. One inquiry 09-20 10:00.
 * L5  created Tue 10-20 09:00, unassigned, park P1, FACTORY, source baidu, use 精密机械, tax 80, investment 1000, need 1000 m²
 *     new only, never answered. One inquiry 10-20 09:00.
 * L6  created Mon 10-05 14:00, owner A, park P2, FACTORY, source direct, use 电子元件, tax 300, investment 6000, need 4000 m²
 *     new 10-05 14:00 → contacted 10-05 15:00 → screening 10-11 10:00 (current; skips site_visit). First call 10-05 15:00.
 *     One inquiry 10-05 14:00, plus L7's inquiry (10-06 09:00) and L7's stage history, moved here by the merge.
 * L7  created Tue 10-06 09:00, merged into L6 on 10-10 (tombstone: mergedIntoId L6, archived): never counted. Its stage
 *     history (new 10-06 09:00 → contacted 10-07 10:00) and its inquiry now belong to L6.
 * L8  created 2025-10-15 10:00 (a year earlier), owner A, park P1, FACTORY, source baidu, use 精密机械, tax 120, investment 2000
 *     new → contacted 2025-10-15 11:00 → signed 2025-10-28 10:00 (signed 1500 m², signed tax 120). One inquiry 2025-10-15 10:00.
 * L9  created 2026-11-02 10:00 (after the range), owner A, park P1, FACTORY, source baidu, tax 60: new only. One inquiry.
 */
import type { Database } from "@/lib/db/client";
import { dayResponseDeadline } from "@/lib/calendar/response-deadline";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import { at } from "./report-views";

export interface ReportFixture {
  users: { a: string; b: string; manager: string };
  parks: { p1: string; p2: string };
  listings: { lp1: string; lp2: string };
  leads: Record<"l1" | "l2" | "l3" | "l4" | "l5" | "l6" | "l7" | "l8" | "l9", string>;
}

type History = [string, string, { lostReasonKey?: string }?][];

export async function seedReportFixture(db: Database, tag: string): Promise<ReportFixture> {
  const user = (name: string, role: "STAFF" | "MANAGER") =>
    db.user.create({
      data: { email: `${name}-${tag}@report.test`, name: `${name}-${tag}`, role, passwordHash: "unused" },
    });
  const [a, b, manager] = [
    await user("officer-a", "STAFF"),
    await user("officer-b", "STAFF"),
    await user("manager", "MANAGER"),
  ];
  const park = (slug: string, name: string) =>
    db.park.create({
      data: {
        slug: `${slug}-${tag}`,
        name,
        nameEn: slug,
        city: "平湖",
        cityEn: "Pinghu",
        address: "",
        addressEn: "",
        description: "",
        descriptionEn: "",
        operatorName: "",
        contactPhone: "0573-00000000",
      },
    });
  const [p1, p2] = [await park("p1", `报表园区一${tag}`), await park("p2", `报表园区二${tag}`)];
  const listing = (parkId: string, title: string, kind: "FACTORY" | "OFFICE") =>
    db.listing.create({
      data: {
        parkId,
        title,
        titleEn: title,
        kind,
        factoryType: kind === "FACTORY" ? "STANDARD" : null,
        deal: "LEASE",
        area: 5000,
        availableArea: 5000,
        areaUnit: "SQM",
        areaSqm: 5000,
        price: 25,
        priceUnit: "YUAN_PER_SQM_MONTH",
        unitPrice: 25,
        description: "",
        descriptionEn: "",
      },
    });
  const [lp1, lp2] = [
    await listing(p1.id, `报表厂房${tag}`, "FACTORY"),
    await listing(p2.id, `报表办公${tag}`, "OFFICE"),
  ];

  let phone = 0;
  async function lead(spec: {
    key: string;
    created: string;
    owner: string | null;
    parkId: string;
    listingId?: string;
    kind: "FACTORY" | "OFFICE" | "LAND";
    source: string;
    use: string;
    tax: number;
    investment: number;
    area: number;
    unit: "SQM" | "MU";
    history: History;
    respondedAt?: string;
    signed?: { area: number; unit: "SQM" | "MU"; tax: number };
    lostToPark?: string;
    inquiries: string[];
  }): Promise<string> {
    const last = spec.history[spec.history.length - 1];
    const stageKey = last[0];
    const lostReasonKey = stageKey === "lost" ? (last[2]?.lostReasonKey ?? null) : null;
    const signedAt = stageKey === "signed" ? at(last[1]) : null;
    phone += 1;
    const created = await db.lead.create({
      data: {
        phone: `139${tag.slice(0, 4).padStart(4, "0")}${String(phone).padStart(4, "0")}`,
        company: `${spec.key}报表测试有限公司${tag}`,
        companyKey: `${spec.key}报表测试有限公司${tag}`,
        contactName: `联系人${spec.key}`,
        industry: spec.use,
        use: spec.use,
        needDeal: "RENT",
        needKind: spec.kind,
        needArea: spec.area,
        needAreaUnit: spec.unit,
        expectedAnnualTax: spec.tax,
        investment: spec.investment,
        source: spec.source,
        listingId: spec.listingId ?? null,
        parkId: spec.parkId,
        stageKey: spec.history[0][0],
        stageChangedAt: at(spec.history[0][1]),
        ownerId: spec.owner,
        assignedAt: spec.owner ? at(spec.created) : null,
        firstRespondedAt: spec.respondedAt ? at(spec.respondedAt) : null,
        lastActivityAt: spec.respondedAt ? at(spec.respondedAt) : null,
        lostReasonKey,
        lostToPark: spec.lostToPark ?? null,
        signedAt,
        signedArea: spec.signed?.area ?? null,
        signedAreaUnit: spec.signed?.unit ?? null,
        signedAnnualTax: spec.signed?.tax ?? null,
        lastInquiryAt: at(spec.inquiries[spec.inquiries.length - 1]),
        createdAt: at(spec.created),
        inquiryCount: spec.inquiries.length,
        dayResponseDueAt: dayResponseDeadline(at(spec.created), DEFAULT_SETTINGS.workingHours),
      },
    });
    // Moved stage by stage, as the workspace moves it, so the database keeps how far it got.
    let from: string | null = null;
    for (const [to, when, extra] of spec.history) {
      await db.stageChange.create({
        data: {
          leadId: created.id,
          fromKey: from,
          toKey: to,
          changedAt: at(when),
          lostReasonKey: extra?.lostReasonKey ?? null,
        },
      });
      if (from !== null)
        await db.lead.update({ where: { id: created.id }, data: { stageKey: to, stageChangedAt: at(when) } });
      from = to;
    }
    if (spec.respondedAt)
      await db.activity.create({
        data: {
          leadId: created.id,
          actorId: spec.owner,
          kind: "CALL",
          body: "首次回电",
          occurredAt: at(spec.respondedAt),
        },
      });
    for (const [index, when] of spec.inquiries.entries()) {
      await db.inquiry.create({
        data: {
          reference: `R${tag}${spec.key}${index}`,
          requestHash: "fixture",
          leadId: created.id,
          listingId: spec.listingId ?? null,
          needDeal: "RENT",
          needKind: spec.kind,
          needArea: spec.area,
          needAreaUnit: spec.unit,
          use: spec.use,
          expectedAnnualTax: spec.tax,
          company: `${spec.key}报表测试有限公司${tag}`,
          contactName: `联系人${spec.key}`,
          phone: `139${String(phone).padStart(8, "0")}`,
          consentNoticeVersion: "fixture",
          consentedAt: at(when),
          channel: "FORM",
          locale: "zh-CN",
          utmSource: spec.source === "direct" ? null : spec.source,
          leadOwnerId: spec.owner,
          leadParkId: spec.parkId,
          leadNeedKind: spec.kind,
          leadSource: spec.source,
          createdAt: at(when),
        },
      });
    }
    return created.id;
  }

  const l1 = await lead({
    key: "L1",
    created: "2026-10-08 10:00",
    owner: a.id,
    parkId: p1.id,
    listingId: lp1.id,
    kind: "FACTORY",
    source: "baidu",
    use: "精密机械",
    tax: 200,
    investment: 5000,
    area: 3000,
    unit: "SQM",
    respondedAt: "2026-10-08 10:30",
    signed: { area: 2800, unit: "SQM", tax: 180 },
    history: [
      ["new", "2026-10-08 10:00"],
      ["contacted", "2026-10-08 10:30"],
      ["site_visit", "2026-10-10 10:00"],
      ["screening", "2026-10-15 10:00"],
      ["negotiation", "2026-10-20 10:00"],
      ["signed", "2026-10-25 10:00"],
    ],
    inquiries: ["2026-10-08 10:00"],
  });
  const l2 = await lead({
    key: "L2",
    created: "2026-10-09 17:30",
    owner: a.id,
    parkId: p1.id,
    kind: "FACTORY",
    source: "baidu",
    use: "新能源",
    tax: 100,
    investment: 3000,
    area: 20,
    unit: "MU",
    respondedAt: "2026-10-12 09:30",
    history: [
      ["new", "2026-10-09 17:30"],
      ["contacted", "2026-10-12 09:30"],
      ["negotiation", "2026-10-14 10:00"],
      ["lost", "2026-10-20 10:00", { lostReasonKey: "price" }],
    ],
    inquiries: ["2026-10-09 17:30", "2026-10-11 12:00"],
  });
  const l3 = await lead({
    key: "L3",
    created: "2026-10-12 20:00",
    owner: b.id,
    parkId: p2.id,
    listingId: lp2.id,
    kind: "OFFICE",
    source: "direct",
    use: "软件开发",
    tax: 50,
    investment: 800,
    area: 500,
    unit: "SQM",
    respondedAt: "2026-10-13 11:00",
    history: [
      ["new", "2026-10-12 20:00"],
      ["contacted", "2026-10-13 11:00"],
      ["lost", "2026-10-16 10:00", { lostReasonKey: "other_park" }],
      ["contacted", "2026-10-21 10:00"],
      ["site_visit", "2026-10-22 10:00"],
    ],
    inquiries: ["2026-10-12 20:00"],
  });
  const l4 = await lead({
    key: "L4",
    created: "2026-09-20 10:00",
    owner: b.id,
    parkId: p2.id,
    kind: "LAND",
    source: "wechat",
    use: "生物医药",
    tax: 500,
    investment: 20000,
    area: 50,
    unit: "MU",
    respondedAt: "2026-09-21 10:00",
    signed: { area: 48, unit: "MU", tax: 450 },
    history: [
      ["new", "2026-09-20 10:00"],
      ["contacted", "2026-09-21 10:00"],
      ["site_visit", "2026-09-25 10:00"],
      ["negotiation", "2026-10-05 10:00"],
      ["signed", "2026-10-18 10:00"],
    ],
    inquiries: ["2026-09-20 10:00"],
  });
  const l5 = await lead({
    key: "L5",
    created: "2026-10-20 09:00",
    owner: null,
    parkId: p1.id,
    kind: "FACTORY",
    source: "baidu",
    use: "精密机械",
    tax: 80,
    investment: 1000,
    area: 1000,
    unit: "SQM",
    history: [["new", "2026-10-20 09:00"]],
    inquiries: ["2026-10-20 09:00"],
  });
  const l6 = await lead({
    key: "L6",
    created: "2026-10-05 14:00",
    owner: a.id,
    parkId: p2.id,
    kind: "FACTORY",
    source: "direct",
    use: "电子元件",
    tax: 300,
    investment: 6000,
    area: 4000,
    unit: "SQM",
    respondedAt: "2026-10-05 15:00",
    history: [
      ["new", "2026-10-05 14:00"],
      ["contacted", "2026-10-05 15:00"],
      ["screening", "2026-10-11 10:00"],
    ],
    inquiries: ["2026-10-05 14:00"],
  });
  const l7 = await lead({
    key: "L7",
    created: "2026-10-06 09:00",
    owner: a.id,
    parkId: p2.id,
    kind: "FACTORY",
    source: "direct",
    use: "电子元件",
    tax: 300,
    investment: 6000,
    area: 4000,
    unit: "SQM",
    history: [
      ["new", "2026-10-06 09:00"],
      ["contacted", "2026-10-07 10:00"],
    ],
    inquiries: ["2026-10-06 09:00"],
  });
  // The merge moved L7's inquiry and stage history to L6, as lib/leads/merge/mutations.ts does.
  await db.inquiry.updateMany({ where: { leadId: l7 }, data: { leadId: l6 } });
  await db.stageChange.updateMany({ where: { leadId: l7 }, data: { leadId: l6 } });
  // The tombstone, last, as lib/leads/merge/mutations.ts leaves it.
  await db.lead.update({ where: { id: l7 }, data: { mergedIntoId: l6, archivedAt: at("2026-10-10 12:00") } });
  const l8 = await lead({
    key: "L8",
    created: "2025-10-15 10:00",
    owner: a.id,
    parkId: p1.id,
    kind: "FACTORY",
    source: "baidu",
    use: "精密机械",
    tax: 120,
    investment: 2000,
    area: 1500,
    unit: "SQM",
    respondedAt: "2025-10-15 11:00",
    signed: { area: 1500, unit: "SQM", tax: 120 },
    history: [
      ["new", "2025-10-15 10:00"],
      ["contacted", "2025-10-15 11:00"],
      ["signed", "2025-10-28 10:00"],
    ],
    inquiries: ["2025-10-15 10:00"],
  });
  const l9 = await lead({
    key: "L9",
    created: "2026-11-02 10:00",
    owner: a.id,
    parkId: p1.id,
    kind: "FACTORY",
    source: "baidu",
    use: "精密机械",
    tax: 60,
    investment: 900,
    area: 800,
    unit: "SQM",
    history: [["new", "2026-11-02 10:00"]],
    inquiries: ["2026-11-02 10:00"],
  });
  return {
    users: { a: a.id, b: b.id, manager: manager.id },
    parks: { p1: p1.id, p2: p2.id },
    listings: { lp1: lp1.id, lp2: lp2.id },
    leads: { l1, l2, l3, l4, l5, l6, l7, l8, l9 },
  };
}
