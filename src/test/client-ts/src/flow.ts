// A storefront's checkout, written the way a front-end team would write it: every request and response
// type comes from the committed contract (src/generated/api.d.ts, generated from openapi/openapi.json),
// with no `any` and no casts. If the contract stops describing what the service does, this fails to
// compile or fails at run time against the packaged application.
//
// It starts from an empty database: the ADMIN key from LOYALTY_ADMIN_API_KEY sets up a storefront key,
// an active points programme and a reward; the storefront key then does the checkout.
import createClient from "openapi-fetch";
import type { Client } from "openapi-fetch";
import type { components, paths } from "./generated/api.js";

type Programme = components["schemas"]["Programme"];
type Reward = components["schemas"]["Reward"];
type Redemption = components["schemas"]["Redemption"];

class FlowFailure extends Error {}

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") {
    throw new FlowFailure(`environment variable ${name} is not set`);
  }
  return value;
}

const baseUrl = env("LOYALTY_BASE_URL");
const adminKey = env("LOYALTY_ADMIN_API_KEY");
// Unique per run so the flow can also run against a database that already has data.
const run = `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;

// The two shapes openapi-fetch answers with: the success body, or the error body the contract names.
type Answer<T, E> = { data: T; error?: never; response: Response } | { data?: never; error: E; response: Response };

/** The body of a call that must answer `status`; anything else ends the flow, naming the step. */
async function expectStatus<T, E>(step: string, status: number, call: Promise<Answer<T, E>>): Promise<T> {
  const answer = await call;
  if (answer.response.status !== status) {
    const body = answer.error === undefined ? "" : ` ${JSON.stringify(answer.error)}`;
    throw new FlowFailure(`${step}: expected HTTP ${String(status)}, got ${String(answer.response.status)}${body}`);
  }
  if (answer.data === undefined) {
    throw new FlowFailure(`${step}: HTTP ${String(status)} without a body`);
  }
  return answer.data;
}

function check(step: string, what: string, actual: unknown, expected: unknown): void {
  if (actual !== expected) {
    throw new FlowFailure(`${step}: ${what} is ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  }
  console.log(`  ok  ${step}: ${what} = ${JSON.stringify(actual)}`);
}

function clientWithKey(key: string): Client<paths> {
  return createClient<paths>({ baseUrl, headers: { "X-API-Key": key } });
}

async function setUp(admin: Client<paths>): Promise<{ storefrontKey: string; programme: Programme; reward: Reward }> {
  const created = await expectStatus("create storefront key", 201, admin.POST("/api/v1/api-keys", {
    body: { name: `client-ts storefront ${run}`, role: "STOREFRONT" },
  }));
  check("create storefront key", "role", created.role, "STOREFRONT");
  check("create storefront key", "key starts with lk_", created.key.startsWith("lk_"), true);

  const draft = await expectStatus("create programme", 201, admin.POST("/api/v1/programmes", {
    body: {
      name: `Client TS Points ${run}`,
      kind: "CUMULATIVE",
      enrolment: "AUTOMATIC",
      currency: "INR",
      pendingDays: 0,
      rules: [{ id: "spend", type: "SPEND", name: "1 point per rupee", pointsPerUnit: 1 }],
    },
  }));
  check("create programme", "status", draft.status, "DRAFT");

  const programme = await expectStatus("activate programme", 200, admin.PATCH("/api/v1/programmes/{id}", {
    params: { path: { id: draft.id } },
    headers: { "Content-Type": "application/merge-patch+json" },
    body: { name: draft.name, currency: draft.currency, status: "ACTIVE" },
  }));
  check("activate programme", "status", programme.status, "ACTIVE");

  const reward = await expectStatus("create reward", 201, admin.POST("/api/v1/rewards", {
    body: {
      programmeId: programme.id,
      name: `Rs 50 off ${run}`,
      type: "DISCOUNT_AMOUNT",
      amount: 50,
      cost: 100,
    },
  }));
  check("create reward", "status", reward.status, "ACTIVE");
  check("create reward", "cost", reward.cost, 100);
  return { storefrontKey: created.key, programme, reward };
}

async function checkout(storefront: Client<paths>, programme: Programme, reward: Reward): Promise<Redemption> {
  const customer = await expectStatus("create customer", 201, storefront.POST("/api/v1/customers", {
    body: { externalId: `ts-customer-${run}`, email: `ts-${run}@example.com`, firstName: "Asha" },
  }));
  check("create customer", "externalId", customer.externalId, `ts-customer-${run}`);

  const orderExternalId = `ts-order-${run}`;
  const order = await expectStatus("post order", 201, storefront.POST("/api/v1/orders", {
    body: {
      externalId: orderExternalId,
      customerId: customer.id,
      placedAt: new Date().toISOString(),
      currency: "INR",
      lines: [
        { sku: "CHAI", name: "Masala chai", category: "drinks", quantity: 2, unitPrice: 60 },
        { sku: "SAMOSA", name: "Samosa", category: "snacks", quantity: 1, unitPrice: 130 },
      ],
      total: 250,
    },
  }));
  const accrual = order.accrual.find((a) => a.programmeId === programme.id);
  check("post order", "points earned in the programme", accrual?.points, 250);

  const balances = await expectStatus("read balance", 200, storefront.GET("/api/v1/customers/{id}/points", {
    params: { path: { id: customer.id } },
  }));
  const balance = balances.find((b) => b.programmeId === programme.id);
  check("read balance", "available", balance?.available, 250);
  check("read balance", "pending", balance?.pending, 0);

  const offered = await expectStatus("list rewards", 200, storefront.GET("/api/v1/customers/{id}/rewards", {
    params: { path: { id: customer.id } },
  }));
  const offer = offered.find((o) => o.reward.id === reward.id);
  check("list rewards", "reward offered", offer !== undefined, true);
  check("list rewards", "redeemableNow", offer?.redeemableNow, true);
  check("list rewards", "pointsNeeded", offer?.pointsNeeded, 0);

  const redemption = await expectStatus("redeem", 201, storefront.POST("/api/v1/redemptions", {
    params: { header: { "Idempotency-Key": `ts-checkout-${run}-redeem` } },
    body: { customerId: customer.id, rewardId: reward.id },
  }));
  check("redeem", "status", redemption.status, "ISSUED");
  check("redeem", "points", redemption.points, 100);
  check("redeem", "balance after", redemption.balance, 150);
  check("redeem", "code looks like XXXX-XXXX-XXXX-XXXX", /^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/.test(redemption.code), true);

  const found = await expectStatus("validate code", 200, storefront.GET("/api/v1/redemptions", {
    params: { query: { code: redemption.code } },
  }));
  const validated = found.items[0];
  check("validate code", "redemptions with the code", found.items.length, 1);
  check("validate code", "id", validated?.id, redemption.id);
  check("validate code", "usableNow", validated?.usableNow, true);

  const used = await expectStatus("use code", 200, storefront.POST("/api/v1/redemptions/{id}/use", {
    params: { path: { id: redemption.id } },
    body: { orderExternalId },
  }));
  check("use code", "status", used.status, "USED");
  check("use code", "usableNow", used.usableNow, false);
  check("use code", "usedOrderExternalId", used.usedOrderExternalId, orderExternalId);

  const again = await expectStatus("validate used code", 200, storefront.GET("/api/v1/redemptions", {
    params: { query: { code: redemption.code } },
  }));
  check("validate used code", "usableNow", again.items[0]?.usableNow, false);
  return used;
}

async function main(): Promise<void> {
  console.log(`Checkout flow against ${baseUrl} (run ${run})`);
  const { storefrontKey, programme, reward } = await setUp(clientWithKey(adminKey));
  const used = await checkout(clientWithKey(storefrontKey), programme, reward);
  console.log(`Checkout flow passed: redemption ${used.id} is ${used.status}.`);
}

main().catch((failure: unknown) => {
  const message = failure instanceof FlowFailure ? failure.message : String(failure);
  console.error(`Checkout flow FAILED: ${message}`);
  process.exit(1);
});
