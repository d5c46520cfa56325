// Offers: a member's inbox and their answer to an offer.
import { z } from "zod";
import { text } from "../http/input";
import { MODES, OFFER_STATUSES, REQUEST_STATUSES, URGENCIES } from "./values";
import { Id, IsoDateTime, paging, pageOf } from "./common";

export const listOffersQuery = z.object({ status: z.string().max(100).optional().meta({ description: "Comma-separated statuses, e.g. pending" }), ...paging });
export const declineSchema = z.strictObject({ reason: text().max(500).optional() });

export const OfferView = z.object({
  id: Id,
  requestId: z.string(),
  status: z.enum(OFFER_STATUSES),
  step: z.string(),
  expiresAt: IsoDateTime,
  createdAt: IsoDateTime.optional(),
  respondedAt: IsoDateTime.optional(),
  request: z
    .object({
      id: Id,
      number: z.string(),
      title: z.string(),
      description: z.string().optional(),
      expertise: z.array(z.string()),
      languages: z.array(z.string()),
      urgency: z.enum(URGENCIES),
      mode: z.enum(MODES),
      unitId: z.string(),
      estimatedHours: z.number(),
      neededBy: IsoDateTime.optional(),
      status: z.enum(REQUEST_STATUSES),
    })
    .optional(),
});
export const AcceptedOffer = OfferView.extend({ flags: z.array(z.string()).optional(), warning: z.string().optional() });
export const OfferPage = pageOf(OfferView);
