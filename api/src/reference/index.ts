// Reference data: units, networks and the expertise taxonomy. Changes only with a release.
export * from "./units";
export * from "./networks";
export * from "./expertise";
