// Support by borough: a small bar chart whose text equivalent is the table it is drawn in.
type Row = { slug: string; name: string; isBorough: boolean; support: number; oppose: number }

export function BoroughSupport({ rows, regionName }: { rows: Row[]; regionName: string }) {
  const widest = Math.max(1, ...rows.map((r) => r.support + r.oppose))
  const boroughs = rows.filter((r) => r.isBorough)
  const backed = boroughs.filter((r) => r.support > r.oppose).length
  return (
    <section aria-labelledby="boroughs-heading" className="rounded-xl border border-stone-300 bg-white p-5">
      <h3 id="boroughs-heading" className="text-lg font-bold">
        Support across {regionName || 'the region'}
      </h3>
      <p className="mt-1 text-sm text-stone-700">
        More support than opposition in {backed} of {boroughs.length} boroughs.
      </p>
      <table className="mt-3 w-full text-sm">
        <caption className="sr-only">Votes for and against, by where the voter lives</caption>
        <thead>
          <tr className="text-left text-stone-700">
            <th scope="col" className="py-1 pr-2 font-semibold">
              Where
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-semibold">
              For
            </th>
            <th scope="col" className="py-1 pr-2 text-right font-semibold">
              Against
            </th>
            <th scope="col" className="w-2/5 py-1">
              <span className="sr-only">Chart</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.slug} className="border-t border-stone-200">
              <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                {row.name}
              </th>
              <td className="py-1.5 pr-2 text-right tabular-nums">{row.support}</td>
              <td className="py-1.5 pr-2 text-right tabular-nums">{row.oppose}</td>
              <td className="py-1.5" aria-hidden="true">
                <div className="flex h-3 overflow-hidden rounded bg-stone-100">
                  <div className="bg-green-700" style={{ width: `${(row.support / widest) * 100}%` }} />
                  <div className="bg-rose-600" style={{ width: `${(row.oppose / widest) * 100}%` }} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
