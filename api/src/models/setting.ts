import mongoose, { Schema } from "mongoose";

// Server secrets and generated keys kept with the data (VAPID key pair, offer-link HMAC secret).
// Created once with an insert that loses gracefully to a concurrent one (unique _id).
const settingSchema = new Schema({
  _id: { type: String, required: true },
  value: { type: Schema.Types.Mixed, required: true },
  createdAt: { type: Date, default: () => new Date() },
});

export const Setting = mongoose.model("Setting", settingSchema);

/** The stored value of `id`, created from `make()` on first use. */
export async function settingOnce<T>(id: string, make: () => T): Promise<T> {
  const found = await Setting.findById(id).lean();
  if (found) return found.value as T;
  try {
    await Setting.create({ _id: id, value: make() });
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
  }
  return (await Setting.findById(id).lean())!.value as T;
}
