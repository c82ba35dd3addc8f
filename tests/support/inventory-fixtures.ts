import type { Viewer } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/schema";
import type { Database } from "@/lib/db/client";

/*
 * A small park for the hold tests: one lease listing offering four units of one building, officers of
 * every role, and leads made on demand.
 */
export interface HoldPark {
  parkId: string;
  listingId: string;
  unitIds: string[];
  staff: Viewer;
  otherStaff: Viewer;
  manager: Viewer;
  admin: Viewer;
}

let sequence = 0;
const tag = () => `${process.pid}-${Date.now()}-${(sequence += 1)}`;

export async function makeUser(db: Database, role: Role, name: string): Promise<Viewer> {
  const email = `${role.toLowerCase()}-${tag()}@park.example`;
  const user = await db.user.create({ data: { email, name, role, passwordHash: "not used" } });
  return { id: user.id, email, name, role };
}

export async function makeHoldPark(db: Database, units = 4): Promise<HoldPark> {
  const slug = `holds-${tag()}`;
  const park = await db.park.create({
    data: {
      slug,
      name: "锁定园",
      nameEn: "Holds park",
      city: "嘉兴",
      cityEn: "Jiaxing",
      address: "路",
      addressEn: "Road",
      description: "园",
      descriptionEn: "Park",
      operatorName: "运营",
      contactPhone: "0573-1",
    },
  });
  const listing = await db.listing.create({
    data: {
      parkId: park.id,
      title: "3号楼",
      titleEn: "Building 3",
      kind: "FACTORY",
      deal: "LEASE",
      area: 1,
      availableArea: 1,
      areaUnit: "SQM",
      areaSqm: 1,
      price: 25,
      priceUnit: "YUAN_PER_SQM_MONTH",
      unitPrice: 25,
      description: "d",
      descriptionEn: "d",
    },
  });
  const building = await db.building.create({ data: { parkId: park.id, name: "3号楼", kind: "FACTORY" } });
  const unitIds: string[] = [];
  for (let index = 0; index < units; index++) {
    const unit = await db.unit.create({
      data: {
        buildingId: building.id,
        parkId: park.id,
        floor: index + 1,
        number: `${index + 1}01`,
        area: 1000,
        areaUnit: "SQM",
        areaSqm: 1000,
        listPrice: 25,
        floorPrice: 20,
        priceUnit: "YUAN_PER_SQM_MONTH",
        listingId: listing.id,
      },
    });
    unitIds.push(unit.id);
  }
  return {
    parkId: park.id,
    listingId: listing.id,
    unitIds,
    staff: await makeUser(db, "STAFF", "张专员"),
    otherStaff: await makeUser(db, "STAFF", "李专员"),
    manager: await makeUser(db, "MANAGER", "王经理"),
    admin: await makeUser(db, "ADMIN", "赵管理员"),
  };
}

let phones = 0;
export async function makeLead(
  db: Database,
  {
    ownerId,
    company = "锐精机械有限公司",
    stageKey = "negotiation",
  }: { ownerId: string | null; company?: string; stageKey?: string },
): Promise<string> {
  phones += 1;
  const phone = `13${String(process.pid % 10)}${String(Date.now() % 1_000_000).padStart(6, "0")}${String(phones % 100).padStart(2, "0")}`;
  const lead = await db.lead.create({ data: { phone, company, contactName: "王", ownerId, stageKey } });
  return lead.id;
}

/** The listing's figures as the public site reads them. */
export async function listingFigures(db: Database, listingId: string) {
  const listing = await db.listing.findUniqueOrThrow({ where: { id: listingId } });
  return { status: listing.status, free: listing.availableArea.toString(), area: listing.area.toString() };
}
