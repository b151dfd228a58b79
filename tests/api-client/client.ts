// Compiled (never run) by .ci/run against api.d.ts, generated from the served OpenAPI document: if the document
// types a request or an answer wrongly, this file stops compiling and CI fails.
import createClient from "openapi-fetch";
import type { components, paths } from "./api";

type Problem = components["schemas"]["ProblemDetails"];
type Dossier = components["schemas"]["DossierView"];

/** What a client shows an official: the Vietnamese detail, the member to fix, the criteria that block the action. */
export function describe(problem: Problem): string {
    const blocking = (problem.blockingCriteria ?? []).map(c => `${c.number}. ${c.name}`).join("; ");
    const invalid = Object.entries(problem.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
    const status: number = problem.status;
    return [`${status} ${problem.title}`, problem.detail, problem.field, blocking, ...invalid].filter(Boolean).join("\n");
}

export async function commune(baseUrl: string, userName: string, password: string): Promise<Dossier> {
    const api = createClient<paths>({ baseUrl });
    const login = await api.POST("/api/auth/login", { body: { userName, password } });
    if (login.error) {
        throw new Error(describe(login.error));
    }
    const token: string = login.data.accessToken;
    const expiresIn: number = login.data.expiresIn;
    api.use({ onRequest: ({ request }) => { request.headers.set("Authorization", `Bearer ${token}`); return request; } });

    const created = await api.POST("/api/dossiers", { body: { unitCode: "XA-01", level: "ntm", year: 2026 } });
    if (created.error) {
        throw new Error(describe(created.error));
    }
    const dossier = created.data;
    const version: number = dossier.version;

    const assessed = await api.PUT("/api/dossiers/{id}/criteria/{number}", {
        params: { path: { id: dossier.id, number: 1 } },
        body: { met: true, values: { satisfactionPercent: 96.5 }, explanation: `Còn ${expiresIn} giây` },
    });
    if (assessed.error) {
        throw new Error(describe(assessed.error));
    }

    // Prefer: return=minimal answers 204 with the new version in a header instead of the dossier.
    const voted = await api.POST("/api/dossiers/{id}/actions/{action}", {
        params: { path: { id: dossier.id, action: "submit-to-district" }, header: { Prefer: "return=minimal" } },
        body: { expectedVersion: version, comment: "Họp xã biểu quyết", vote: { members: 9, present: 8, agree: 7 } },
    });
    if (voted.error) {
        throw new Error(describe(voted.error));
    }
    const votedVersion = Number(voted.response.headers.get("Dossier-Version"));

    const decided = await api.POST("/api/dossiers/{id}/actions/{action}", {
        params: { path: { id: dossier.id, action: "sign-decision" } },
        body: { expectedVersion: votedVersion, decision: { number: "123/QĐ-UBND", date: "2026-05-04", signer: "Nguyễn Văn A" } },
    });
    if (decided.error) {
        const problem: Problem = decided.error;
        throw new Error(describe(problem));
    }
    if (!decided.data) {
        throw new Error("Không có hồ sơ trong câu trả lời (đã gửi Prefer: return=minimal?).");
    }
    return decided.data;
}
