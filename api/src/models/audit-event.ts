import mongoose, { Schema } from "mongoose";

// Append-only trail: who read or changed what. Never holds case text.
const auditSchema = new Schema({
  at: { type: Date, default: () => new Date(), index: true },
  actorId: { type: String, required: true },
  actorRoles: { type: [String], default: [] },
  action: { type: String, required: true },
  resourceType: { type: String, required: true },
  resourceId: { type: String, required: true },
  details: { type: Schema.Types.Mixed },
});
auditSchema.index({ resourceType: 1, resourceId: 1, at: -1 });

export const AuditEvent = mongoose.model("AuditEvent", auditSchema);
