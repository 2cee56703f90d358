import { maskSecrets } from './property-changes.js';
import { EngineEventTranslator } from './translate-events.js';
/** Steps that repeat a replacement already listed under its `replace` step. */
function isListedStep(step) {
    return step !== 'same' && step !== 'create-replacement' && step !== 'delete-replaced' && step !== 'discard-replaced' && step !== 'refresh' && step !== 'read';
}
export async function runOperation(stack, kind, options = {}) {
    const translator = new EngineEventTranslator({ refresh: kind === 'refresh' });
    const changes = new Map();
    const failed = new Set();
    let stackOutputs;
    const onEvent = (raw) => {
        const finished = raw.resOutputsEvent?.metadata;
        if (finished?.type === 'pulumi:pulumi:Stack' && finished.new?.outputs)
            stackOutputs = finished.new.outputs;
        for (const event of translator.translate(raw)) {
            if (event.type === 'resource-started' || event.type === 'resource-finished') {
                const key = `${event.step} ${event.resource.urn}`;
                // A refresh reports drift when the step finishes (it becomes an update or a delete).
                const listed = kind === 'refresh' ? event.type === 'resource-finished' && (event.change === 'update' || event.change === 'delete') : isListedStep(event.step);
                if (listed) {
                    const previous = changes.get(key);
                    changes.set(key, {
                        resource: event.resource,
                        change: event.change,
                        step: event.step,
                        properties: event.properties.length > 0 || !previous ? event.properties : previous.properties,
                    });
                }
            }
            else if (event.type === 'resource-failed') {
                failed.add(`${event.step} ${event.resource.urn}`);
            }
            options.onEvent?.(event);
        }
    };
    const common = {
        onEvent,
        color: 'never',
        ...(options.target && options.target.length > 0 ? { target: [...options.target] } : {}),
    };
    const started = Date.now();
    let outputs;
    switch (kind) {
        case 'preview':
            await stack.preview({ ...common, diff: true, ...(options.refresh ? { refresh: true } : {}), ...replaceOption(options) });
            break;
        case 'up':
            outputs = await upWithOutputsFromEvents(stack, () => stackOutputs, {
                ...common,
                diff: true,
                ...(options.refresh ? { refresh: true } : {}),
                ...replaceOption(options),
            });
            break;
        case 'preview-destroy':
            await stack.previewDestroy({ ...common, ...(options.refresh ? { refresh: true } : {}) });
            break;
        case 'destroy':
            await stack.destroy({ ...common, ...(options.refresh ? { refresh: true } : {}), ...(options.removeStack ? { remove: true } : {}) });
            break;
        case 'refresh':
            await stack.refresh({ ...common, ...(options.clearPendingCreates ? { clearPendingCreates: true } : {}) });
            break;
    }
    return {
        counts: translator.counts(),
        changes: [...changes.entries()].filter(([key]) => !failed.has(key)).map(([, change]) => change),
        ...(outputs ? { outputs } : {}),
        durationMs: Date.now() - started,
    };
}
function replaceOption(options) {
    return options.replace && options.replace.length > 0 ? { replace: [...options.replace] } : {};
}
/**
 * `stack.up()` ends by running `pulumi stack output` twice and `pulumi stack history` (three more
 * CLI starts, two of them deriving the passphrase key: about half a second per stack). The
 * outputs are already in the engine's events (the stack resource's outputs, secrets masked), so
 * those calls are skipped for this one update; if the events carried no outputs, they are read
 * the usual way.
 */
async function upWithOutputsFromEvents(stack, eventOutputs, options) {
    const patched = stack;
    const ownOutputs = Object.prototype.hasOwnProperty.call(patched, 'outputs');
    const ownInfo = Object.prototype.hasOwnProperty.call(patched, 'info');
    patched.outputs = async () => ({});
    patched.info = async () => undefined;
    try {
        await stack.up(options);
    }
    finally {
        if (!ownOutputs)
            delete patched.outputs;
        if (!ownInfo)
            delete patched.info;
    }
    const values = eventOutputs();
    if (!values)
        return stack.outputs();
    const outputs = {};
    for (const [name, value] of Object.entries(values)) {
        const masked = maskSecrets(value);
        outputs[name] = { value: masked, secret: masked === '[secret]' };
    }
    return outputs;
}
