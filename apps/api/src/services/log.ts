/** What a service logs through: the app's pino logger, or anything with the same methods (a test's list). */
export interface ServiceLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
