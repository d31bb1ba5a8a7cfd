export { default, generateMetadata } from '@/app/(site)/p/[slug]/page';
export const dynamic = 'force-static';
