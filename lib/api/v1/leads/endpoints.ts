import "server-only";
import { getDb } from "../../../db/client";
import { fieldErrorsOf } from "../../../forms/field-errors";
import { apiError } from "../../errors";
import { apiRoute } from "../../route";
import { apiText, invalidRequest, jsonBodyOf, notFound, queryOf } from "../answers";
import { operations } from "../operations";
import { pageQuerySchema } from "../pagination";
import { moveLeadStageForApi, STAGE_MOVE_FIELDS } from "./mutations";
import { findLead, listLeads, readLead } from "./queries";
import { leadIdParamsSchema, versionOfIfMatch } from "./schema";

type IdParams = { id: string };

export const listLeadsEndpoint = apiRoute(
  operations.listLeads.door,
  operations.listLeads.scope,
  async (request, { caller, locale }) => {
    const query = pageQuerySchema.safeParse(queryOf(request));
    if (!query.success) return invalidRequest(locale, fieldErrorsOf(query.error));
    return Response.json(await listLeads(await getDb(), caller, query.data));
  },
);

export const getLeadEndpoint = apiRoute<IdParams>(
  operations.getLead.door,
  operations.getLead.scope,
  async (_request, { caller, params, locale }) => {
    const id = leadIdParamsSchema.safeParse(params);
    const lead = id.success ? await readLead(await getDb(), caller, id.data.id) : null;
    return lead ? Response.json(lead) : notFound(locale, "lead");
  },
);

export const moveLeadStageEndpoint = apiRoute<IdParams>(
  operations.moveLeadStage.door,
  operations.moveLeadStage.scope,
  async (request, { caller, params, locale }) => {
    const id = leadIdParamsSchema.safeParse(params);
    if (!id.success) return notFound(locale, "lead");
    const version = versionOfIfMatch(request.headers.get("if-match"));
    if (version === false) return invalidRequest(locale, { "If-Match": "ifMatch" });
    const body = await jsonBodyOf(request, locale);
    if (!body.ok) return body.response;
    const db = await getDb();
    const moved = await moveLeadStageForApi(db, caller, id.data.id, body.value, version);
    if (!moved.ok) {
      if (moved.reason === "invalid") return invalidRequest(locale, moved.fieldErrors, STAGE_MOVE_FIELDS);
      if (moved.reason === "notFound") return notFound(locale, "lead");
      const { t } = await apiText(locale);
      return apiError(409, "conflict", t("versionChanged", { version: moved.version }));
    }
    const lead = await findLead(db, caller, moved.leadId);
    // Moved a moment ago in the key's scope: the lead is still there to show.
    if (!lead) throw new Error(`Lead ${moved.leadId} vanished after its stage move`);
    return Response.json(lead);
  },
);
