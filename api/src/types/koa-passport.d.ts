declare module "koa-passport" {
  import type { Middleware, Context, Next } from "koa";
  import type { Strategy } from "passport";
  interface KoaPassport {
    use(strategy: Strategy): KoaPassport;
    use(name: string, strategy: Strategy): KoaPassport;
    initialize(): Middleware;
    authenticate(name: string | string[], options: object, callback?: (...args: any[]) => void): (ctx: Context, next: Next) => Promise<unknown>;
  }
  const passport: KoaPassport;
  export default passport;
}
