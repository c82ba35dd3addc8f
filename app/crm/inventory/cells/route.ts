import { AccessDenied } from "@/lib/auth/access";
import { getViewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { withDatabaseErrors } from "@/lib/http/route";
import { parkCells } from "@/lib/inventory/grid/queries";
import { parseInventoryParams } from "@/lib/inventory/grid/schema";

const NO_STORE = { "Cache-Control": "private, no-store" };

/**
 * GET /crm/inventory/cells?park=…&kind=…&minArea=…&maxArea=…&status=…: the cells of every unit of the park the
 * filter shows, as one JSON text (lib/inventory/grid/cell.ts), for the 租控表 to mount the buildings its page
 * left without cells. The page's parameters read the page's way: one that cannot be read is left out.
 */
async function cellsOfBoard(request: Request) {
  const viewer = await getViewer();
  const query = new URL(request.url).searchParams;
  const { park, filter } = parseInventoryParams(
    Object.fromEntries([...new Set(query.keys())].map((name) => [name, query.getAll(name)])),
  );
  try {
    const cells = park ? await parkCells(await getDb(), viewer, park, filter) : null;
    if (cells === null) return Response.json({ error: "Not found" }, { status: 404, headers: NO_STORE });
    return new Response(cells, { headers: { "Content-Type": "application/json; charset=utf-8", ...NO_STORE } });
  } catch (error) {
    if (error instanceof AccessDenied)
      return Response.json({ error: viewer ? "Forbidden" : "Sign in" }, { status: viewer ? 403 : 401 });
    throw error;
  }
}

export const GET = withDatabaseErrors("inventory.cells", cellsOfBoard);
