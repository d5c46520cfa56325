// The profile input shape lives in the contract (api/src/contract/members.ts); re-exported for the use cases.
export { profileSchema, type ProfileInput } from "../../contract/members";
