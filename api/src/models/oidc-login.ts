import mongoose, { Schema } from "mongoose";

// Pending OpenID Connect logins: state → PKCE verifier, kept server-side for a few minutes.
const oidcLoginSchema = new Schema({
  state: { type: String, required: true, unique: true },
  codeVerifier: { type: String, required: true },
  returnTo: { type: String, default: "/" },
  expiresAt: { type: Date, required: true },
});

export const OidcLogin = mongoose.model("OidcLogin", oidcLoginSchema);
