import { TravelMode } from './entities/enums';

export interface PortOfEntry {
  code: string;
  name: string;
  province: string;
  mode: TravelMode;
}

/** Busy ports of entry, by mode; airports use their IATA code. */
export const PORTS: readonly PortOfEntry[] = [
  { code: 'YYZ', name: 'Toronto Pearson International Airport', province: 'ON', mode: TravelMode.AIR },
  { code: 'YVR', name: 'Vancouver International Airport', province: 'BC', mode: TravelMode.AIR },
  { code: 'YUL', name: 'Montréal-Trudeau International Airport', province: 'QC', mode: TravelMode.AIR },
  { code: 'YYC', name: 'Calgary International Airport', province: 'AB', mode: TravelMode.AIR },
  {
    code: 'YOW',
    name: 'Ottawa Macdonald-Cartier International Airport',
    province: 'ON',
    mode: TravelMode.AIR,
  },
  { code: 'YEG', name: 'Edmonton International Airport', province: 'AB', mode: TravelMode.AIR },
  { code: 'YHZ', name: 'Halifax Stanfield International Airport', province: 'NS', mode: TravelMode.AIR },
  { code: 'YWG', name: 'Winnipeg Richardson International Airport', province: 'MB', mode: TravelMode.AIR },
  { code: 'DOUGLAS', name: 'Douglas (Peace Arch)', province: 'BC', mode: TravelMode.LAND },
  { code: 'PACIFIC-HWY', name: 'Pacific Highway', province: 'BC', mode: TravelMode.LAND },
  { code: 'AMBASSADOR', name: 'Windsor Ambassador Bridge', province: 'ON', mode: TravelMode.LAND },
  { code: 'RAINBOW', name: 'Niagara Falls Rainbow Bridge', province: 'ON', mode: TravelMode.LAND },
  { code: 'QUEENSTON', name: 'Queenston-Lewiston Bridge', province: 'ON', mode: TravelMode.LAND },
  { code: 'BLUE-WATER', name: 'Sarnia Blue Water Bridge', province: 'ON', mode: TravelMode.LAND },
  { code: 'LACOLLE', name: 'St-Bernard-de-Lacolle', province: 'QC', mode: TravelMode.LAND },
  {
    code: 'VICTORIA-FERRY',
    name: 'Victoria Inner Harbour ferry terminal',
    province: 'BC',
    mode: TravelMode.MARINE,
  },
  { code: 'VIA-LACOLLE', name: 'Lacolle rail crossing (Adirondack)', province: 'QC', mode: TravelMode.RAIL },
];
