import { z } from "zod";
import { existingId } from "../../../forms/fields";
import { pageSchema } from "../pagination";
import { listingResourceSchema } from "../resources";

export const listingIdParamsSchema = z.object({
  id: existingId.meta({ description: "房源 id / The listing's id", examples: ["cm4list0000000000000001"] }),
});

export const listingPageSchema = pageSchema(
  listingResourceSchema,
  "ListingPage",
  "一页已发布的房源，按修改时间从早到晚 / A page of published listings, least recently changed first",
);
