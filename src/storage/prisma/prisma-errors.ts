// Prisma's error codes the stores act on: a unique key refused a row, or a row to update was gone.

function prismaCode(e: unknown): unknown {
  return typeof e === "object" && e !== null && "code" in e ? e.code : undefined;
}

export function isRecordNotFound(e: unknown): boolean {
  return prismaCode(e) === "P2025";
}

export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && e.code === "P2002";
}
