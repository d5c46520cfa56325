// One row of a korpsregeling simulation (POST /policies/simulate): computed by domain/budget.ts,
// shown by the web app's simulation page.
export interface SimulationRow {
  members: number;
  over: number;
  under: number;
  totalGranted: number;
  totalGrantedCurrent: number;
  delta: number;
  overCurrent: number;
  underCurrent: number;
}
