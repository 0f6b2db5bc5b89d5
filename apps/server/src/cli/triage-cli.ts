// `sada triage classify` and `sada triage retrain`: triage for people and scripts.
import { createInterface } from 'node:readline';
import { classify, scorePriority } from '@sada/triage';
import { z } from 'zod';

const inputLine = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string().min(1, 'text is empty'),
  isPublic: z.boolean().optional(),
  followerCount: z.number().int().nonnegative().optional(),
  previousCaseCount: z.number().int().nonnegative().optional(),
});

/**
 * Reads JSON lines {"id","text"} (optionally isPublic, followerCount, previousCaseCount) and writes
 * one JSON line per input: the classification and the priority with its reason, or an error naming
 * the line. Returns how many lines failed.
 */
export async function classifyLines(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<number> {
  let lineNumber = 0;
  let failed = 0;
  for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber += 1;
    if (raw.trim() === '') continue;
    let parsed: z.infer<typeof inputLine>;
    try {
      parsed = inputLine.parse(JSON.parse(raw));
    } catch (error) {
      failed += 1;
      const reason =
        error instanceof z.ZodError
          ? error.issues.map((issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`).join('; ')
          : `not JSON (${(error as Error).message})`;
      output.write(`${JSON.stringify({ line: lineNumber, error: reason })}\n`);
      continue;
    }
    const context = {
      ...(parsed.isPublic !== undefined && { isPublic: parsed.isPublic }),
      ...(parsed.followerCount !== undefined && { followerCount: parsed.followerCount }),
      ...(parsed.previousCaseCount !== undefined && { previousCaseCount: parsed.previousCaseCount }),
    };
    const classification = classify(parsed.text, context);
    const priority = scorePriority(classification, context);
    output.write(`${JSON.stringify({ id: parsed.id ?? lineNumber, ...classification, priority })}\n`);
  }
  return failed;
}
