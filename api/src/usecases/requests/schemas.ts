// The request input shapes live in the contract (api/src/contract/requests.ts); re-exported for the use cases.
export { newRequestSchema, knowledgeNoteSchema, completeSchema, type NewRequest, type CompleteInput } from "../../contract/requests";
