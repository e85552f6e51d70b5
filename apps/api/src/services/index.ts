import type { Db } from '../db/database.js';
import { createAnalysisService } from './analyses.js';
import { createAnnotationService } from './annotations.js';
import { createAuditLogService } from './audit.js';
import { createAuthService, type AuthOptions } from './auth.js';
import { createCatalogueAdminService } from './catalogue-admin.js';
import { createCatalogueService } from './catalogue.js';
import { createCompareService } from './compare.js';
import { createDataNeedService } from './data-needs.js';
import { createFinalYearService } from './final-years.js';
import { createImportService } from './imports.js';
import { createKoladaService } from './kolada.js';
import type { MailNotifier } from './mail-notify.js';
import { createOrganisationService } from './organisation.js';
import { createPrincipleService } from './principles.js';
import { createPublicLinkService } from './public-links.js';
import { createReviewService } from './review.js';
import { createSummaryService } from './summary.js';
import { createUnitService } from './units.js';
import { createUserService } from './users.js';
import { createValueService } from './values.js';

/** Sessions as long as the defaults of `config.ts` (SESSION_HOURS, SESSION_IDLE_MINUTES). */
export const DEFAULT_AUTH: AuthOptions = { sessionHours: 12, idleMinutes: 120 };

/**
 * Bumped on every write, so caches of computed figures know when to recompute. Writes by another
 * process (a CLI import while the server runs) are seen through the database's change stamp,
 * which the access check reads once per request and hands to `observe`.
 */
export function createDataVersion() {
  let v = 0;
  let otherWriters: string | undefined;
  return {
    version: () => v,
    bump: () => void v++,
    /** A stamp of `db/stamp.ts` (`changes:data_version`): its second part moves only on another connection's commit. */
    observe(stamp: string): void {
      const external = stamp.slice(stamp.indexOf(':') + 1);
      if (otherWriters !== undefined && external !== otherWriters) v++;
      otherWriters = external;
    },
  };
}

/**
 * Every service over one database, wired to each other. The app (app.ts) and the CLIs
 * (cli/import.ts, cli/kolada.ts) build them here, so a CLI loads no Fastify.
 */
export function createServices(db: Db, auth: AuthOptions = DEFAULT_AUTH, koladaMunicipality = '0680', mail: MailNotifier | null = null) {
  const data = createDataVersion();
  const authService = createAuthService(db, auth);
  const units = createUnitService(db, data);
  const organisation = createOrganisationService(db, { units, data });
  const catalogue = createCatalogueService(db, data);
  const values = createValueService(db, units, data);
  const annotations = createAnnotationService(db, units, catalogue, mail);
  const analyses = createAnalysisService(db, { units, catalogue });
  const summary = createSummaryService(db, { units, catalogue, values, analyses });
  const publicLinks = createPublicLinkService(db, units);
  const users = createUserService(db);
  const dataNeeds = createDataNeedService(db, { catalogue, units, mail });
  const compare = createCompareService({ units, values });
  const catalogueAdmin = createCatalogueAdminService(db, { data, catalogue });
  const principles = createPrincipleService(db, { catalogue, units, values });
  const imports = createImportService(db, { units, catalogue, values, data });
  const kolada = createKoladaService(db, { catalogue, municipality: koladaMunicipality });
  const finalYears = createFinalYearService(db, { data });
  const review = createReviewService(db, { units, catalogue, values, compare, analyses });
  const auditLog = createAuditLogService(db);
  return { data, auditLog, principles, auth: authService, units, catalogue, values, annotations, summary, publicLinks, users, dataNeeds, compare, catalogueAdmin, imports, kolada, organisation, finalYears, analyses, review };
}
export type Services = ReturnType<typeof createServices>;
