import { useId, type ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: string;
  /** Numbers line up on the right. */
  align?: 'start' | 'end';
  /** The cell that names the row (e.g. the year) is a row header. */
  isRowHeader?: boolean;
  className?: string;
  render: (row: Row) => ReactNode;
}

interface DataTableProps<Row> {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
}

/**
 * A plain, accessible table: the equivalent of a chart for those who cannot see it, and for
 * print. The scroll container is focusable so a keyboard can scroll a wide table.
 */
function cellClass(column: Pick<Column<unknown>, 'align' | 'className'>): string | undefined {
  const classes = [column.align === 'end' ? 'num' : null, column.className ?? null].filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : undefined;
}

export function DataTable<Row>({ caption, columns, rows, rowKey }: DataTableProps<Row>) {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={cellClass(c)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) =>
                c.isRowHeader ? (
                  <th key={c.key} scope="row" className={cellClass(c)}>
                    {c.render(row)}
                  </th>
                ) : (
                  <td key={c.key} className={cellClass(c)}>
                    {c.render(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
