// The served document is the generated one, and it validates as OpenAPI 3.1.
import { expect } from "chai";
import { Validator } from "@seriousme/openapi-schema-validator";
import { sharedStack } from "../helpers/stack";
import { anonymous, login } from "../helpers/http";
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

describe("answers the rest of the suite does not reach, checked against the document", () => {
  it("providers, closed months, a member's overrides", async () => {
    const service = await sharedStack();
    expect((await anonymous(service).get("/api/v1/auth/providers")).status).to.equal(200);
    const coordinator = await login(service, "coordinator");
    expect((await coordinator.get("/api/v1/budgets/closed-periods")).status).to.equal(200);
    const budgets = await coordinator.get("/api/v1/budgets");
    expect(budgets.status).to.equal(200);
    const memberId = budgets.body.data[0].memberId as string;
    const override = await coordinator.post("/api/v1/budgets/overrides", { memberId, extraHours: 2, reason: "contract test" });
    expect(override.status, JSON.stringify(override.body)).to.equal(201);
    const list = await coordinator.get(`/api/v1/budgets/overrides?memberId=${memberId}`);
    expect(list.status, JSON.stringify(list.body)).to.equal(200);
    expect(list.body.data.map((o: { id: string }) => o.id)).to.include(override.body.id);
  });
});
