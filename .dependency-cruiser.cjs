// Layer rules of the service (issue 12 item 5), checked by `npm run lint:deps` (part of `npm run lint`).
// Layers, bottom to top (README "Lint, format and layer rules"):
//   contract       – value lists, error codes, schemas, shared pure checks: imported by the API and the web app
//   domain         – pure functions and state machines over contract types
//   infrastructure – db, models, search, indexing, realtime, http, auth, calendar, jobs/queue|runner, config,
//                    logger, and the support modules the use cases call: access/, presenters/, reference/, openapi/
//   application    – usecases/, plus the modules that run use cases on a schedule or per ranking: dispatch/,
//                    helpline/ (its jobs.ts registers the daily coverage check), matching/ (the fairness cache
//                    reads budgets through usecases/budgets/compute)
//   delivery       – routes/ (HTTP), cli/, seed/
//   composition root – app.ts, server.ts, bootstrap.ts, deps.ts, background.ts, jobs/register.ts: may import anything
// Type-only imports count too (tsPreCompilationDeps): a type from a higher layer's internals still couples.

/** Below the use cases: storage, transport, process, and the support modules the use cases call. */
const INFRASTRUCTURE = [
  "^api/src/(auth|calendar|db|http|indexing|models|realtime|reference|openapi|access|presenters)/",
  "^api/src/jobs/(queue|runner)\\.ts$",
  "^api/src/(config|logger)\\.ts$",
  "^search/",
];

/** The only npm packages pure code may use: dates and validation, neither does I/O. */
const PURE_PACKAGES = "(^|/)node_modules/(luxon|zod)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment:
        "api/src/domain holds pure functions (unit-tested without a database): it may import only other domain files, " +
        "api/src/contract, and the pure packages luxon and zod. No Node built-in (node:fs, net, http …), no mongoose, koa, " +
        "models, db, search, realtime, use cases, routes.",
      severity: "error",
      from: { path: "^api/src/domain/" },
      to: { pathNot: ["^api/src/(domain|contract)/", PURE_PACKAGES] },
    },
    {
      name: "contract-imports-only-pure-code",
      comment:
        "api/src/contract is shared with the web app: it may import other contract files, the pure domain, the static " +
        "reference data (api/src/reference), the zod input primitives (api/src/http/input.ts, http/validate.ts: its koa " +
        "import is type-only), zod and luxon. Nothing that does I/O.",
      severity: "error",
      from: { path: "^api/src/contract/" },
      to: { pathNot: ["^api/src/(contract|domain|reference)/", "^api/src/http/(input|validate)\\.ts$", PURE_PACKAGES] },
    },
    {
      name: "web-bundle-stays-client-side",
      comment:
        "Nothing the web app imports may lead, through any chain of imports (the contract included), to server code: " +
        "models, db, use cases, routes, realtime, jobs, auth, search, seed, or mongoose.",
      severity: "error",
      from: { path: "^web/src/" },
      to: {
        path: [
          "^api/src/(models|db|usecases|routes|realtime|dispatch|helpline|matching|jobs|auth|indexing|calendar|cli)/",
          "^(search|seed)/",
          "(^|/)node_modules/mongoose/",
        ],
        reachable: true,
      },
    },
    {
      name: "routes-do-not-touch-models",
      comment:
        "api/src/routes validate, authorize, call a use case and present: queries and writes live in api/src/usecases " +
        "(add a small use-case function instead of importing a model or mongoose).",
      severity: "error",
      from: { path: "^api/src/routes/" },
      to: { path: ["^api/src/models/", "(^|/)node_modules/mongoose/"] },
    },
    {
      name: "infrastructure-does-not-import-use-cases",
      comment:
        "Infrastructure (db, models, search, indexing, realtime, http, auth, calendar, access, presenters, reference, openapi, " +
        "jobs/queue|runner, config, logger) sits below the use cases and must not call them. Only the composition root " +
        "(app.ts, server.ts, bootstrap.ts, deps.ts, background.ts, jobs/register.ts) and the application modules " +
        "(usecases/, dispatch/, helpline/, matching/), routes, cli/ and seed/ may import use cases.",
      severity: "error",
      from: { path: INFRASTRUCTURE },
      to: { path: "^api/src/usecases/" },
    },
    {
      name: "infrastructure-does-not-import-application",
      comment:
        "Infrastructure must not reach up into the application modules (dispatch/, helpline/, matching/) or the delivery layer " +
        "(routes/, cli/) either; the composition root wires them together.",
      severity: "error",
      from: { path: INFRASTRUCTURE },
      to: { path: "^api/src/(dispatch|helpline|matching|routes|cli)/" },
    },
    {
      name: "only-the-composition-root-imports-routes",
      comment: "api/src/routes is the HTTP delivery layer: only app.ts mounts it (and routes/index.ts composes the routers).",
      severity: "error",
      from: { path: "^api/src/", pathNot: ["^api/src/routes/", "^api/src/app\\.ts$"] },
      to: { path: "^api/src/routes/" },
    },
    {
      name: "web-imports-only-the-contract",
      comment:
        "The web app may import server code only from api/src/contract (value lists, error codes, schemas, pure shared checks); " +
        "nothing of api/src's domain, models, use cases, nor search/, seed/, test/.",
      severity: "error",
      from: { path: "^web/" },
      to: { path: "^(api|search|seed|test|bench|scripts|tools)/", pathNot: "^api/src/contract/" },
    },
    {
      name: "no-circular",
      comment: "No import cycles in the API: they make start-up order fragile and hide layer violations. Break the cycle with a lower module.",
      severity: "error",
      from: { path: "^(api/src|search)/" },
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that does not resolve to a file or an installed package.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "not-to-dev-dep-from-runtime",
      comment: "Code that runs in production (api/src, search/) must not import a devDependency: `npm ci --omit=dev` would break it.",
      severity: "error",
      from: { path: "^(api/src|search)/" },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|\\.data|\\.bin|test-results)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
