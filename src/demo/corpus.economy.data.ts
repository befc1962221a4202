// Goods, products, crops, routes and zones used by the economy templates.
import { demoData } from './data.js';

// The values live in data/ru/economy.json; this module gives them their types.
const data = demoData<{ EXPORT_GOODS: ExportGood[]; PRODUCTS: Product[]; CROPS: Crop[]; FEZ: { name: string; city: string; }[]; RAIL_ROUTES: RailRoute[]; AIR_DESTINATIONS: AirDestination[] }>('ru/economy');

export interface ExportGood {
  /** Genitive: "экспорт плодоовощной продукции". */
  gen: string;
  tag: string;
  /** Export value range, million USD. */
  min: number;
  max: number;
  minMarkets: number;
  /** Typical buyers (Russian nominative, must exist in COUNTRIES). */
  markets: string[];
}

export const EXPORT_GOODS: ExportGood[] = data.EXPORT_GOODS;

export interface Product {
  /** Genitive: "производство керамической плитки". */
  gen: string;
  tag: string;
  /** Annual capacity range and unit (genitive plural), e.g. 12 "тыс. тонн". */
  min: number;
  max: number;
  step: number;
  unit: string;
}

export const PRODUCTS: Product[] = data.PRODUCTS;

export interface Crop {
  gen: string;
  /** Nominative phrase for "завершается ...": "уборка зерновых". */
  work: string;
  /** Harvest range, thousand tonnes, for one region. */
  min: number;
  max: number;
  /** Yield range, centners per hectare. */
  yieldMin: number;
  yieldMax: number;
  buyers: string[];
}

export const CROPS: Crop[] = data.CROPS;

export const FEZ: { name: string; city: string; }[] = data.FEZ;

export interface RailRoute {
  dest: string;
  destAcc: string;
  transit: string;
  origins: { city: string; gen: string }[];
  days: [number, number];
  km: [number, number];
}

export const RAIL_ROUTES: RailRoute[] = data.RAIL_ROUTES;

export interface AirDestination {
  city: string;
  acc: string;
  /** "около семи часов" — after "Время в пути составит". */
  time: string;
  origins: { city: string; gen: string }[];
}

export const AIR_DESTINATIONS: AirDestination[] = data.AIR_DESTINATIONS;
