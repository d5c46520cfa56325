import mongoose from "mongoose";
import "../models";

// Fail fast instead of queueing: with the database gone, requests get a 503 within the timeout.
mongoose.set("bufferCommands", false);
mongoose.set("autoIndex", false);
mongoose.set("strictQuery", true);

export async function connectMongo(url: string, timeoutMs: number): Promise<typeof mongoose> {
  await mongoose.connect(url, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    socketTimeoutMS: 30000,
    heartbeatFrequencyMS: 2000,
  });
  await Promise.all(Object.values(mongoose.models).map((m) => m.createIndexes()));
  return mongoose;
}

export async function pingMongo(timeoutMs = 1000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return false;
  try {
    await Promise.race([
      db.command({ ping: 1 }),
      new Promise((_, rej) => setTimeout(() => rej(new Error("ping timeout")), timeoutMs)),
    ]);
    return true;
  } catch {
    return false;
  }
}

export async function disconnectMongo(): Promise<void> {
  await mongoose.disconnect();
}
