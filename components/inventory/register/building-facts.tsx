import { getMessages } from "@/lib/i18n/server";
import type { BuildingUpdateInput } from "@/lib/inventory/register/schema";

/** The building's facts for a reader who does not edit the register. */
export async function BuildingFacts({ values }: { values: BuildingUpdateInput }) {
  const messages = await getMessages();
  const t = messages.inventory.register.building;
  const kind = values.kind as keyof typeof messages.kind;
  const factoryType = values.factoryType as keyof typeof messages.factoryType | "" | null | undefined;
  const facts: [string, unknown][] = [
    [t.kind, factoryType ? messages.factoryType[factoryType] : messages.kind[kind]],
    [t.storeys, values.storeys],
    [t.structure, values.structure],
    [t.floorHeight, values.floorHeightM],
    [t.floorLoad, values.floorLoadKgPerSqm],
    [t.power, values.powerKva],
    [t.completionYear, values.completionYear],
    [t.propertyTerm, values.propertyTermYears],
  ];
  return (
    <section className="panel" aria-labelledby="building-facts">
      <h2 id="building-facts">{t.title}</h2>
      <dl className="specs">
        {facts
          .filter(([, value]) => value !== "" && value !== null && value !== undefined)
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{String(value)}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
