// Usage: node validate.mjs <asyncapi.json> [samples.json]
// Parses the document with the official AsyncAPI parser and fails on any error-severity diagnostic. With samples
// (an array of {message, key, headers, data} as the services put them on Kafka), checks each against its message's
// key, headers and payload schemas. Exits 1 on any failure.
import { readFileSync } from 'node:fs';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const [documentPath, samplesPath] = process.argv.slice(2);
if (!documentPath) {
  console.error('usage: node validate.mjs <asyncapi.json> [samples.json]');
  process.exit(2);
}

const severities = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' };
const { document, diagnostics } = await new Parser().parse(readFileSync(documentPath, 'utf8'),
  { source: documentPath });
for (const d of diagnostics) {
  console.log(`${severities[d.severity]} ${d.code} at ${d.path.join('/') || '/'}: ${d.message}`);
}
const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
const warnings = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning);
if (!document || errors.length > 0) {
  console.error(`INVALID: ${errors.length} error(s) in ${documentPath}`);
  process.exit(1);
}
console.log(`VALID AsyncAPI ${document.version()}: ${document.channels().length} channels, `
  + `${document.operations().length} operations, ${document.messages().length} messages; `
  + `${errors.length} errors, ${warnings.length} warnings`);

if (samplesPath) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const messages = new Map(document.messages().all().map((m) => [m.name(), m]));
  const failures = [];
  const samples = JSON.parse(readFileSync(samplesPath, 'utf8'));
  for (const sample of samples) {
    const message = messages.get(sample.message);
    if (!message) {
      failures.push(`${sample.message}: no such message`);
      continue;
    }
    const checks = [
      ['payload', message.payload()?.json(), sample.data],
      ['headers', message.headers()?.json(), sample.headers],
      ['key', message.bindings().get('kafka')?.value()?.key, sample.key],
    ];
    for (const [part, schema, value] of checks) {
      if (!schema) {
        failures.push(`${sample.message}: no ${part} schema`);
      } else if (!ajv.validate(schema, value)) {
        failures.push(`${sample.message} ${part}: ${ajv.errorsText(ajv.errors)}`);
      }
    }
  }
  failures.forEach((f) => console.error(`MISMATCH ${f}`));
  if (failures.length > 0) {
    process.exit(1);
  }
  console.log(`${samples.length} sample events match their message's key, headers and payload schemas`);
}
