/**
 * PostgreSQL introspection limited to the connection's own schema.
 *
 * Kysely's migrator asks the introspector whether its bookkeeping tables exist, and Kysely's
 * PostgreSQL introspector answers by scanning every schema of the database with
 * `has_schema_privilege(name, 'USAGE')`. That function takes the schema by *name*, so a schema
 * another client drops during the scan (another site sharing the database, a parallel test, a
 * restore renaming its schema) fails our start with `schema "…" does not exist` — a schema that is
 * not ours. Xabar's tables live in one schema (the connection's current_schema), so that is all
 * this introspector reads; information_schema checks privileges by OID, which never throws for
 * a dropped object.
 */
import { type DatabaseMetadataOptions, type Kysely, PostgresDialect, PostgresIntrospector, type TableMetadata, sql } from 'kysely';

interface ColumnRow {
  table_schema: string;
  table_name: string;
  table_type: string;
  column_name: string;
  data_type: string;
  udt_schema: string;
  is_nullable: string;
  column_default: string | null;
  is_identity: string;
}

export class OwnSchemaIntrospector extends PostgresIntrospector {
  readonly #db: Kysely<unknown>;

  constructor(db: Kysely<unknown>) {
    super(db);
    this.#db = db;
  }

  override async getTables(_options?: DatabaseMetadataOptions): Promise<TableMetadata[]> {
    // Our migration tables have their own names (xabar_migrations…), so there are no Kysely
    // internal tables to leave out.
    const rows = await sql<ColumnRow>`
      select c.table_schema, c.table_name, t.table_type, c.column_name, c.udt_name as data_type, c.udt_schema,
             c.is_nullable, c.column_default, c.is_identity
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema()
      order by c.table_name, c.ordinal_position`.execute(this.#db);
    const tables = new Map<string, { name: string; schema: string; isView: boolean; columns: TableMetadata['columns'][number][] }>();
    for (const r of rows.rows) {
      let t = tables.get(r.table_name);
      if (!t) {
        t = { name: r.table_name, schema: r.table_schema, isView: r.table_type === 'VIEW', columns: [] };
        tables.set(r.table_name, t);
      }
      t.columns.push({
        name: r.column_name,
        dataType: r.data_type,
        dataTypeSchema: r.udt_schema,
        isNullable: r.is_nullable === 'YES',
        hasDefaultValue: r.column_default !== null || r.is_identity === 'YES',
        isAutoIncrementing: r.is_identity === 'YES' || /^nextval\(/.test(r.column_default ?? ''),
      });
    }
    return [...tables.values()];
  }
}

/** The PostgreSQL dialect with introspection limited to the connection's own schema. */
export class OwnSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): OwnSchemaIntrospector {
    return new OwnSchemaIntrospector(db);
  }
}
