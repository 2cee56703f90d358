// The Node provider server of @pulumi/pulumi (3.248) answers Diff with changes, replaces and
// deleteBeforeReplace only. The engine needs more, and the real (bridged) scaleway provider sends
// it: the changed keys (`diffs`), without which a program's `replaceOnChanges` never fires, and a
// detailed diff, which previews and engine events show per property. This wraps the server's diff
// handler, as it is registered with gRPC, to add both to its response.
import { createRequire } from 'node:module';
import type { PropertyChange } from './diff.js';
import type { Props } from './wire.js';

type DetailedDiff = (urn: string, olds: Props, news: Props) => Record<string, PropertyChange>;

interface Struct {
  toJavaScript(): Props;
}
interface DiffCall {
  request: { getUrn(): string; getOlds(): Struct | undefined; getNews(): Struct | undefined };
}
interface DiffResponse {
  getChanges(): number;
  setDiffsList(keys: string[]): void;
  getDetaileddiffMap(): { set(key: string, value: unknown): void };
  setHasdetaileddiff(value: boolean): void;
  getReplacesList(): string[];
}
type Callback = (error: unknown, response?: DiffResponse | null, ...rest: unknown[]) => void;
type Handler = (call: DiffCall, callback: Callback) => unknown;

export function installDiffDetails(detailed: DetailedDiff): void {
  // The SDK's own copies of grpc and the generated protobuf classes (not dependencies of ours).
  const sdk = createRequire(createRequire(import.meta.url).resolve('@pulumi/pulumi'));
  const grpc = sdk('@grpc/grpc-js') as { Server: { prototype: { addService(service: unknown, impl: Record<string, unknown>): void } } };
  const proto = sdk('./proto/provider_pb.js') as {
    PropertyDiff: { new (): { setKind(kind: number): void }; Kind: Record<string, number> };
    DiffResponse: { DiffChanges: Record<string, number> };
  };
  const kinds: Record<PropertyChange, [number, number]> = {
    add: [proto.PropertyDiff.Kind.ADD!, proto.PropertyDiff.Kind.ADD_REPLACE!],
    delete: [proto.PropertyDiff.Kind.DELETE!, proto.PropertyDiff.Kind.DELETE_REPLACE!],
    update: [proto.PropertyDiff.Kind.UPDATE!, proto.PropertyDiff.Kind.UPDATE_REPLACE!],
  };

  const addService = grpc.Server.prototype.addService;
  grpc.Server.prototype.addService = function (this: unknown, service: unknown, impl: Record<string, unknown>) {
    const original = impl.diff as Handler | undefined;
    if (typeof original === 'function') {
      impl.diff = (call: DiffCall, callback: Callback) =>
        original.call(impl, call, (error, response, ...rest) => {
          if (!error && response && response.getChanges() === proto.DiffResponse.DiffChanges.DIFF_SOME!) {
            const olds = call.request.getOlds()?.toJavaScript() ?? {};
            const news = call.request.getNews()?.toJavaScript() ?? {};
            const changes = detailed(call.request.getUrn(), olds, news);
            const replaces = new Set(response.getReplacesList());
            response.setDiffsList(Object.keys(changes));
            const map = response.getDetaileddiffMap();
            for (const [key, change] of Object.entries(changes)) {
              const diff = new proto.PropertyDiff();
              diff.setKind(kinds[change][replaces.has(key) ? 1 : 0]);
              map.set(key, diff);
            }
            response.setHasdetaileddiff(true);
          }
          callback(error, response, ...rest);
        });
    }
    return addService.call(this, service, impl);
  };
}
