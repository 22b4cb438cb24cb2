import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { listServicesForApi } from "@/lib/catalog/list-services-for-api";
import { db } from "@/lib/db";

export const GET = apiRoute("catalog.read", async (actor) => NextResponse.json(await listServicesForApi(db(), actor)));
