// The served document is the generated one, and it validates as OpenAPI 3.1.
import { expect } from "chai";
import { Validator } from "@seriousme/openapi-schema-validator";
import { sharedStack } from "../helpers/stack";
import { anonymous } from "../helpers/http";
import { openapiDocument } from "../../api/src/openapi/document";

describe("GET /api/v1/openapi.json", () => {
  it("serves the document generated from the operation table, valid OpenAPI 3.1, without credentials", async () => {
    const res = await anonymous(await sharedStack()).get("/api/v1/openapi.json");
    expect(res.status).to.equal(200);
    expect(res.headers.get("content-type")).to.match(/^application\/json/);
    expect(res.body).to.deep.equal(JSON.parse(JSON.stringify(openapiDocument())));
    const result = await new Validator().validate(res.body);
    expect(result.valid, JSON.stringify(result.errors)?.slice(0, 1000)).to.equal(true);
  });
});
