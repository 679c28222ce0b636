/** A person's name as one line: `text`, else given names and family name ("Inge Test Jensen"). */
export function personName(p: { name?: fhir4.HumanName[] } | undefined): string {
  const name = p?.name?.find((n) => n.use === 'official') ?? p?.name?.[0];
  if (!name) return '';
  return name.text ?? [...(name.given ?? []), name.family].filter(Boolean).join(' ');
}
